import { histogram } from '@signet/metrics';
import type { FastifyInstance } from 'fastify';

const duration = histogram('signet_http_request_seconds', 'Gateway HTTP requests by method, route pattern and status, with their latency.', [
  'method',
  'route',
  'status',
]);

/** One observation per response; the route is the pattern (`/v1/Account/:auth_id/…`), `unmatched` for a 404 of no route. */
export function recordHttpMetrics(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    duration.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
}
