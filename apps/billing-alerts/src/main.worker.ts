import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { boot, redisDependency } from '@signet/config';
import { postgresDependency } from '@signet/database';
import { startHealthServer } from '@signet/health';
import { createLogger } from '@signet/logging';
import { workersHealthCheck } from '@signet/queue';
import { natsDependency } from '@signet/nats';
import { loadBillingConfig } from './config/billing.config.js';

// Sends balance alerts (`billing.balance-alerts`); scales as its own Deployment.
await boot('billing-alerts-worker', {
  rules: [],
  needs: () => {
    const c = loadBillingConfig();
    return [postgresDependency('BILLING'), natsDependency(c.NATS_URL), redisDependency(c.REDIS_URL)];
  },
  start: async () => {
    const app = await NestFactory.createApplicationContext((await import('./billing-worker.module.js')).BillingWorkerModule, {
      logger: createLogger('billing-alerts-worker'),
    });
    app.enableShutdownHooks();
    await startHealthServer('billing-alerts-worker', [workersHealthCheck]);
  },
});
