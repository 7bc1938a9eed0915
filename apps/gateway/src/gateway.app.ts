import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { createLogger } from '@signet/logging';
import { mountAdminQueueBoard } from './admin/queue-board.js';
import { loadGatewayConfig } from './config/gateway.config.js';
import { openApiDocument } from './docs/openapi.js';
import { GatewayModule } from './gateway.module.js';
import type { ApiRequest } from './http/api-request.js';
import { registerLenientBodyParser } from './http/body-parser.js';
import { alwaysJsonContentType, clientErrorHandler, frameworkErrors } from './http/framework-errors.js';
import { accessLog } from './http/access-log.js';
import { recordHttpMetrics } from './http/http-metrics.js';
import { traceRequests } from './http/request-tracing.js';
import { PlivoErrorFilter, sendError, toHttpError } from './http/plivo-error.filter.js';
import { RouteTable } from './http/route-table.js';

export async function createGateway(): Promise<NestFastifyApplication> {
  const { GATEWAY_TRUSTED_PROXIES: proxies } = loadGatewayConfig();
  const adapter = new FastifyAdapter({
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true },
    // `request.ip` is the socket peer, or the nearest untrusted address in X-Forwarded-For behind a listed proxy.
    trustProxy: proxies.length > 0 ? [...proxies] : false,
    genReqId: () => randomUUID(),
    bodyLimit: 64 * 1024,
    // What Fastify and the HTTP parser answer themselves is enveloped too (see framework-errors.ts).
    frameworkErrors,
    clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule, adapter, { logger: createLogger('gateway'), bodyParser: false });
  const fastify = app.getHttpAdapter().getInstance();
  const routes = new RouteTable();
  routes.attach(fastify);
  fastify.decorateRequest('apiId', '');
  fastify.addHook('onRequest', async (req) => {
    (req as ApiRequest).apiId = String(req.id);
  });
  recordHttpMetrics(fastify);
  traceRequests(fastify);
  accessLog(fastify);
  registerLenientBodyParser(fastify);
  alwaysJsonContentType(fastify);
  const logger = new Logger('Http');
  // Errors raised before a route handler runs (body parsing, size limits) get the same envelope.
  fastify.setErrorHandler((err, req, reply) => sendError(reply, req as ApiRequest, toHttpError(err, req as ApiRequest, routes), err, logger));
  app.useGlobalFilters(new PlivoErrorFilter(routes));
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, openApiDocument() as never);
  await mountAdminQueueBoard(app, routes);
  return app;
}
