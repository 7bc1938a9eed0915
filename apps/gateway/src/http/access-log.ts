import { rootLogger } from '@signet/logging';
import type { FastifyInstance } from 'fastify';
import type { ApiRequest } from './api-request.js';
import { requestTraceId } from './request-tracing.js';

/**
 * One line per request, as fields: `api_id`, the caller's `account_id` once authenticated, the route pattern (never
 * the raw URL, whose query can hold a recipient) and the session or attempt the path names, the status and latency.
 */
export function accessLog(fastify: FastifyInstance): void {
  const logger = rootLogger().child({ context: 'Access' });
  fastify.addHook('onResponse', async (request, reply) => {
    const req = request as ApiRequest;
    const uuid = ((req.params ?? {}) as { uuid?: string }).uuid;
    const route = req.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    const line = {
      api_id: req.apiId,
      account_id: req.caller?.auth_id,
      session_uuid: route.includes('/Verify/Session/') ? uuid : undefined,
      attempt_uuid: route.includes('/Verify/Attempt/') ? uuid : undefined,
      method: req.method,
      route,
      status,
      ms: Math.round(reply.elapsedTime),
      trace_id: requestTraceId(req),
    };
    if (status >= 500) logger.error(line, 'request');
    else logger.info(line, 'request');
  });
}
