import 'reflect-metadata';
import { boot, redisDependency } from '@signet/config';
import { postgresDependency } from '@signet/database';
import { natsDependency, startNatsService } from '@signet/nats';
import { loadVerifyConfig } from './config/verify.config.js';

await boot('verify', {
  rules: ['secretKey', 'outboxProvider'],
  needs: () => {
    const c = loadVerifyConfig();
    return [postgresDependency('VERIFY'), natsDependency(c.NATS_URL), redisDependency(c.REDIS_URL)];
  },
  start: async () => startNatsService('verify', (await import('./verify.module.js')).VerifyModule, loadVerifyConfig().NATS_URL),
});
