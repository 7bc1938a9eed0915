import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger, NotFoundException } from '@nestjs/common';
import { DomainError } from '@signet/errors';
import type { FastifyReply } from 'fastify';
import type { ApiRequest } from './api-request.js';
import { errorStatus } from './error-status.js';
import type { RouteTable } from './route-table.js';
import { DEFAULT_RETRY_AFTER_SECONDS, RateLimitedError } from '../rate-limit/rate-limited.js';

const REASONS: Record<number, string> = {
  400: 'bad request',
  401: 'authentication failed',
  403: 'forbidden',
  404: 'not found',
  405: 'method not allowed',
  413: 'request body too large',
  414: 'URI too long',
  415: 'unsupported content type',
  429: 'too many requests',
  500: 'internal server error',
  503: 'service unavailable',
};

export interface HttpError {
  status: number;
  message: string;
  headers?: Record<string, string>;
}

/** Maps anything thrown while serving a request to Plivo's `{api_id, error}` with the right status. */
export function toHttpError(err: unknown, req: ApiRequest, routes: RouteTable): HttpError {
  if (err instanceof DomainError) {
    const status = errorStatus(err.code);
    if (status !== 429) return { status, message: err.message };
    // Every 429 says when to come back: the gateway's own limiters know it; a throttle below the gateway says it
    // in its message ("try again in N seconds").
    const below = /try again in (\d+) seconds?/.exec(err.message)?.[1];
    const retryAfter = err instanceof RateLimitedError ? err.retryAfterSeconds : below ? Number(below) : DEFAULT_RETRY_AFTER_SECONDS;
    return { status, message: err.message, headers: { 'retry-after': String(retryAfter) } };
  }
  if (err instanceof NotFoundException && /^Cannot /.test(err.message)) {
    const allowed = routes.allowedMethods(req.url);
    // A route that takes this method but has nothing at this path (a file under /docs) is a 404, not a 405.
    if (allowed.length > 0 && !allowed.includes(req.method))
      return { status: 405, message: `method ${req.method} not allowed`, headers: { allow: allowed.join(', ') } };
    return { status: 404, message: 'resource not found' };
  }
  if (err instanceof HttpException) return { status: err.getStatus(), message: err.message };
  const status = (err as { statusCode?: number }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, message: (err as Error).message || REASONS[status] || 'bad request' };
  }
  return { status: 500, message: REASONS[500] };
}

@Catch()
export class PlivoErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  constructor(private readonly routes: RouteTable) {}

  catch(err: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<ApiRequest>();
    sendError(host.switchToHttp().getResponse<FastifyReply>(), req, toHttpError(err, req, this.routes), err, this.logger);
  }
}

export function sendError(reply: FastifyReply, req: ApiRequest, e: HttpError, cause: unknown, logger: Logger): void {
  if (e.status >= 500) logger.error(`${req.apiId} ${req.method} ${req.url}: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`);
  if (e.headers) reply.headers(e.headers);
  void reply.code(e.status).send({ api_id: req.apiId, error: e.message });
}
