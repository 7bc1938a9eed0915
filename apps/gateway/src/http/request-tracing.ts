import type { FastifyInstance, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { contextWith, failSpan, SpanKind, startSpan, traceParentOf, tracingEnabled, withContext, type Context, type Span } from '@signet/tracing';
import type { ApiRequest } from './api-request.js';

const traced = new WeakMap<FastifyRequest, { span: Span; ctx: Context; ended?: boolean }>();

/** The trace a request's span is in (its access-log line's `trace_id`), while tracing is on. */
export const requestTraceId = (req: FastifyRequest): string | undefined => traced.get(req)?.span.spanContext().traceId;

/**
 * One server span per request (its parent the caller's `traceparent`, if sent), named by the route pattern and
 * active while the route's handler runs, so the NATS calls it makes are its children. Registered only when tracing
 * is on; must run before the routes are (its `onRoute` hook wraps each handler).
 */
export function traceRequests(fastify: FastifyInstance): void {
  if (!tracingEnabled()) return;
  fastify.addHook('onRequest', async (req) => {
    const parent = traceParentOf(req.headers);
    const span = startSpan(req.method, { kind: SpanKind.SERVER, parent, attributes: { 'http.request.method': req.method } });
    traced.set(req, { span, ctx: contextWith(span, parent) });
  });
  fastify.addHook('onRoute', (route) => {
    const handler = route.handler as RouteHandlerMethod;
    route.handler = function (this: FastifyInstance, req, reply) {
      const t = traced.get(req);
      return t ? withContext(t.ctx, () => handler.call(this, req, reply)) : handler.call(this, req, reply);
    };
  });
  const end = (req: FastifyRequest, status: number | undefined) => {
    const t = traced.get(req);
    if (!t || t.ended) return;
    t.ended = true; // kept for the access log's trace_id; the map lets go with the request
    const route = req.routeOptions.url ?? 'unmatched';
    t.span.updateName(`${req.method} ${route}`);
    t.span.setAttributes({ 'http.route': route, 'signet.api_id': (req as ApiRequest).apiId, ...(status ? { 'http.response.status_code': status } : {}) });
    if (status === undefined || status >= 500) failSpan(t.span, new Error(status ? `HTTP ${status}` : 'request aborted'));
    t.span.end();
  };
  fastify.addHook('onResponse', async (req, reply) => end(req, reply.statusCode));
  fastify.addHook('onRequestAbort', async (req) => end(req, undefined));
}
