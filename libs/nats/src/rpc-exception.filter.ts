import { type ArgumentsHost, Catch, Logger, type RpcExceptionFilter } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { CommonErrors, type RpcError } from '@signet/contracts/common';
import { DomainError } from '@signet/errors';
import { type Observable, throwError } from 'rxjs';
import { apiIdOf } from './rpc-server.js';

/** Below the gateway every failure leaves as {code, message}; anything unexpected is logged here and hidden. */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('Rpc');

  catch(exception: unknown, host: ArgumentsHost): Observable<RpcError> {
    if (exception instanceof DomainError) return throwError(() => exception.toRpc());
    const apiId = apiIdOf(host.switchToRpc().getContext<NatsContext>()) ?? '-';
    this.logger.error(`${apiId} ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`);
    return throwError(() => ({ code: CommonErrors.INTERNAL, message: 'internal error' }));
  }
}
