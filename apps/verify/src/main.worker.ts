import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createLogger } from '@signet/logging';
import { VerifyWorkerModule } from './verify-worker.module.js';

// Delivers OTP attempts, expires sessions and adds workflow attempts; scales as its own Deployment.
const app = await NestFactory.createApplicationContext(VerifyWorkerModule, { logger: createLogger('verify-worker') });
app.enableShutdownHooks();
