import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { boot, redisDependency } from '@signet/config';
import { postgresDependency } from '@signet/database';
import { startHealthServer } from '@signet/health';
import { createLogger } from '@signet/logging';
import { workersHealthCheck } from '@signet/queue';
import { natsDependency } from '@signet/nats';
import { loadCallbacksConfig } from './config/callbacks.config.js';

// Sends status callbacks (and re-adds jobs Redis lost); scales as its own Deployment.
await boot('callback-dispatcher-worker', {
  rules: ['privateNetworks'],
  needs: () => {
    const c = loadCallbacksConfig();
    return [postgresDependency('CALLBACKS'), natsDependency(c.NATS_URL), redisDependency(c.REDIS_URL)];
  },
  start: async () => {
    const app = await NestFactory.createApplicationContext((await import('./callbacks-worker.module.js')).CallbacksWorkerModule, {
      logger: createLogger('callback-dispatcher-worker'),
    });
    app.enableShutdownHooks();
    await startHealthServer('callback-dispatcher-worker', [workersHealthCheck]);
  },
});
