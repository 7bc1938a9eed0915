import type { Provider } from '@nestjs/common';
import { databaseProviders } from '@signet/database';
import { HEALTH_CHECKS, type HealthCheck } from '@signet/health';
import { DataSource } from 'typeorm';
import { CallbacksQueue } from './callbacks.queue.js';
import { CallbacksRepository } from './callbacks.repository.js';
import { CALLBACKS_CONFIG, loadCallbacksConfig } from './config/callbacks.config.js';
import { callbacksDatabase } from './database/data-source.js';

/** What both processes (the NATS service and the worker) are built on. */
export const callbacksCoreProviders: Provider[] = [
  { provide: CALLBACKS_CONFIG, useFactory: loadCallbacksConfig },
  ...databaseProviders(callbacksDatabase),
  CallbacksRepository,
  CallbacksQueue,
  {
    provide: HEALTH_CHECKS,
    useFactory: (ds: DataSource, queue: CallbacksQueue): HealthCheck[] => [
      { name: 'postgres', check: () => ds.query('SELECT 1') },
      { name: 'redis', check: () => queue.queue.getJobCounts('waiting') },
    ],
    inject: [DataSource, CallbacksQueue],
  },
];
