import type { INestMicroservice, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NatsConnection } from '@nats-io/transport-node';
import type { ServiceName } from '@signet/contracts/common';
import { HEALTH_CHECKS, startHealthServer, type HealthCheck } from '@signet/health';
import { createLogger } from '@signet/logging';
import { RpcErrorFilter } from './rpc-exception.filter.js';
import { NamespacedServerNats, natsServerOptions } from './rpc-server.js';

/**
 * Boots a NATS microservice: queue group = service name, coded errors out, graceful shutdown on SIGTERM, and its
 * health port, ready when the service's own dependencies (HEALTH_CHECKS) and its NATS connection answer.
 */
export async function startNatsService(service: ServiceName, module: Type<unknown>, natsUrl: string): Promise<INestMicroservice> {
  const server = new NamespacedServerNats(natsServerOptions(service, natsUrl));
  const app = await NestFactory.createMicroservice(module, { strategy: server, logger: createLogger(service) });
  app.useGlobalFilters(new RpcErrorFilter());
  app.enableShutdownHooks();
  await app.listen();
  const nats: HealthCheck = { name: 'nats', check: () => server.unwrap<NatsConnection>().rtt() };
  await startHealthServer(service, [...app.get<HealthCheck[]>(HEALTH_CHECKS), nats]);
  return app;
}
