import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { boot, redisDependency } from '@signet/config';
import { startHealthServer } from '@signet/health';
import { createLogger } from '@signet/logging';
import { workersHealthCheck } from '@signet/queue';
import { loadIdentityConfig } from './config/identity.config.js';

// Sends console mail from the identity.emails queue; scales as its own Deployment.
await boot('identity-worker', {
  rules: ['secretKey'],
  needs: () => [redisDependency(loadIdentityConfig().REDIS_URL)],
  start: async () => {
    const app = await NestFactory.createApplicationContext((await import('./identity-worker.module.js')).IdentityWorkerModule, {
      logger: createLogger('identity-worker'),
    });
    app.enableShutdownHooks();
    await startHealthServer('identity-worker', [workersHealthCheck]);
  },
});
