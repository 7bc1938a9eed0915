import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createLogger } from '@signet/logging';
import { CallbacksWorkerModule } from './callbacks-worker.module.js';

// Sends status callbacks (and re-adds jobs Redis lost); scales as its own Deployment.
const app = await NestFactory.createApplicationContext(CallbacksWorkerModule, { logger: createLogger('callback-dispatcher-worker') });
app.enableShutdownHooks();
