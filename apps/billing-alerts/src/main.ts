import 'reflect-metadata';
import { boot, redisDependency } from '@signet/config';
import { postgresDependency } from '@signet/database';
import { natsDependency, startNatsService } from '@signet/nats';
import { loadBillingConfig } from './config/billing.config.js';

await boot('billing-alerts', {
  rules: [],
  needs: () => {
    const c = loadBillingConfig();
    return [postgresDependency('BILLING'), natsDependency(c.NATS_URL), redisDependency(c.REDIS_URL)];
  },
  start: async () => startNatsService('billing-alerts', (await import('./billing-alerts.module.js')).BillingAlertsModule, loadBillingConfig().NATS_URL),
});
