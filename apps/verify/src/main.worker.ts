import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { boot, redisDependency } from '@signet/config';
import { postgresDependency } from '@signet/database';
import { startHealthServer } from '@signet/health';
import { createLogger } from '@signet/logging';
import { workersHealthCheck } from '@signet/queue';
import { natsDependency } from '@signet/nats';
import { loadVerifyConfig } from './config/verify.config.js';

// Delivers OTP attempts, expires sessions and adds workflow attempts; scales as its own Deployment.
await boot('verify-worker', {
  rules: ['secretKey', 'outboxProvider'],
  needs: () => {
    const c = loadVerifyConfig();
    return [postgresDependency('VERIFY'), natsDependency(c.NATS_URL), redisDependency(c.REDIS_URL)];
  },
  start: async () => {
    const app = await NestFactory.createApplicationContext((await import('./verify-worker.module.js')).VerifyWorkerModule, {
      logger: createLogger('verify-worker'),
    });
    app.enableShutdownHooks();
    await startHealthServer('verify-worker', [workersHealthCheck]);
  },
});
