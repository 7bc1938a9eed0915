import type { INestMicroservice, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ServiceName } from '@signet/contracts/common';
import { createLogger } from '@signet/logging';
import { RpcErrorFilter } from './rpc-exception.filter.js';
import { NamespacedServerNats, natsServerOptions } from './rpc-server.js';

/** Boots a NATS microservice: queue group = service name, coded errors out, graceful shutdown on SIGTERM. */
export async function startNatsService(service: ServiceName, module: Type<unknown>, natsUrl: string): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice(module, {
    strategy: new NamespacedServerNats(natsServerOptions(service, natsUrl)),
    logger: createLogger(service),
  });
  app.useGlobalFilters(new RpcErrorFilter());
  app.enableShutdownHooks();
  await app.listen();
  return app;
}
