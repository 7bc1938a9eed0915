import { type ArgumentsHost, Catch, Logger, type RpcExceptionFilter } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { CommonErrors, type RpcError } from '@signet/contracts/common';
import { DomainError, isDependencyOutage } from '@signet/errors';
import { failActiveSpan } from '@signet/tracing';
import { type Observable, throwError } from 'rxjs';
import { apiIdOf } from './rpc-server.js';

/**
 * Below the gateway every failure leaves as {code, message}: a dependency that is down (its database) as
 * SERVICE_UNAVAILABLE, anything else unexpected logged here and hidden as INTERNAL.
 */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('Rpc');

  catch(exception: unknown, host: ArgumentsHost): Observable<RpcError> {
    if (exception instanceof DomainError) return throwError(() => exception.toRpc());
    const apiId = apiIdOf(host.switchToRpc().getContext<NatsContext>()) ?? '-';
    failActiveSpan(exception);
    if (isDependencyOutage(exception)) {
      this.logOutage(apiId, exception);
      return throwError(() => ({ code: CommonErrors.SERVICE_UNAVAILABLE, message: 'service unavailable: a dependency is down, try again shortly' }));
    }
    this.logger.error(`${apiId} ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`);
    return throwError(() => ({ code: CommonErrors.INTERNAL, message: 'internal error' }));
  }

  private outageLogged = 0;

  /** An outage fails every request; one line every few seconds says so without flooding the log. */
  private logOutage(apiId: string, exception: unknown): void {
    if (Date.now() - this.outageLogged < 5000) return;
    this.outageLogged = Date.now();
    this.logger.warn(`${apiId} dependency unavailable, answering 503: ${(exception as Error).message}`);
  }
}
