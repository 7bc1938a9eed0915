import 'reflect-metadata';
import { startNatsService } from '@signet/nats';
import { BillingAlertsModule } from './billing-alerts.module.js';
import { loadBillingConfig } from './config/billing.config.js';

await startNatsService('billing-alerts', BillingAlertsModule, loadBillingConfig().NATS_URL);
