import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createLogger } from '@signet/logging';
import { IdentityWorkerModule } from './identity-worker.module.js';

// Sends console mail from the identity.emails queue; scales as its own Deployment.
const app = await NestFactory.createApplicationContext(IdentityWorkerModule, { logger: createLogger('identity-worker') });
app.enableShutdownHooks();
