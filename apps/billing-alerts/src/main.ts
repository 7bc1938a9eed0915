import 'reflect-metadata';
import { infraSchema, readConfig } from '@signet/config';
import { startNatsService } from '@signet/nats';
import { BillingAlertsModule } from './billing-alerts.module.js';

const config = readConfig('billing-alerts', infraSchema);
await startNatsService('billing-alerts', BillingAlertsModule, config.NATS_URL);
