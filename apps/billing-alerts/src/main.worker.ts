import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createLogger } from '@signet/logging';
import { BillingWorkerModule } from './billing-worker.module.js';

// Sends balance alerts (`billing.balance-alerts`); scales as its own Deployment.
const app = await NestFactory.createApplicationContext(BillingWorkerModule, { logger: createLogger('billing-alerts-worker') });
app.enableShutdownHooks();
