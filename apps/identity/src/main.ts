import 'reflect-metadata';
import { boot, redisDependency } from '@signet/config';
import { postgresDependency } from '@signet/database';
import { natsDependency, startNatsService } from '@signet/nats';
import { loadIdentityConfig } from './config/identity.config.js';

await boot('identity', {
  rules: ['secretKey'],
  needs: () => {
    const c = loadIdentityConfig();
    return [postgresDependency('IDENTITY'), natsDependency(c.NATS_URL), redisDependency(c.REDIS_URL)];
  },
  start: async () => startNatsService('identity', (await import('./identity.module.js')).IdentityModule, loadIdentityConfig().NATS_URL),
});
