import type { Provider } from '@nestjs/common';
import { databaseProviders } from '@signet/database';
import { HEALTH_CHECKS, type HealthCheck } from '@signet/health';
import { Keyring } from '@signet/secrets';
import { DataSource } from 'typeorm';
import { eventsRelayProvider } from '@signet/outbox';
import { loadVerifyConfig, VERIFY_CONFIG, type VerifyConfig } from './config/verify.config.js';
import { VERIFY_SCHEMA, verifyDatabase } from './database/data-source.js';
import { DeliveryQueue } from './delivery/delivery.queue.js';
import { ExpiryQueue } from './expiry/expiry.queue.js';
import { SessionsRepository } from './sessions/sessions.repository.js';

/** What both verify processes (the NATS service and the worker) are built on. */
export const verifyCoreProviders: Provider[] = [
  { provide: VERIFY_CONFIG, useFactory: loadVerifyConfig },
  { provide: Keyring, useFactory: (c: VerifyConfig) => new Keyring(c.SIGNET_SECRET_KEY), inject: [VERIFY_CONFIG] },
  ...databaseProviders(verifyDatabase),
  eventsRelayProvider('verify', VERIFY_SCHEMA, VERIFY_CONFIG),
  DeliveryQueue,
  ExpiryQueue,
  SessionsRepository,
  {
    provide: HEALTH_CHECKS,
    useFactory: (ds: DataSource, delivery: DeliveryQueue): HealthCheck[] => [
      { name: 'postgres', check: () => ds.query('SELECT 1') },
      { name: 'redis', check: () => delivery.queue.getJobCounts('waiting') },
    ],
    inject: [DataSource, DeliveryQueue],
  },
];
