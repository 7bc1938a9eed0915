import type { Provider } from '@nestjs/common';
import { databaseProviders } from '@signet/database';
import { HEALTH_CHECKS, type HealthCheck } from '@signet/health';
import { DataSource } from 'typeorm';
import { AlertsQueue } from './alerts/alerts.queue.js';
import { AlertsRepository } from './alerts/alerts.repository.js';
import { BILLING_CONFIG, loadBillingConfig } from './config/billing.config.js';
import { billingDatabase } from './database/data-source.js';

/** What both billing-alerts processes (the NATS service and the alert worker) are built on. */
export const billingCoreProviders: Provider[] = [
  { provide: BILLING_CONFIG, useFactory: loadBillingConfig },
  ...databaseProviders(billingDatabase),
  AlertsQueue,
  AlertsRepository,
  {
    provide: HEALTH_CHECKS,
    useFactory: (ds: DataSource, alerts: AlertsQueue): HealthCheck[] => [
      { name: 'postgres', check: () => ds.query('SELECT 1') },
      { name: 'redis', check: () => alerts.queue.getJobCounts('waiting') },
    ],
    inject: [DataSource, AlertsQueue],
  },
];
