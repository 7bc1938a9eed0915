import 'reflect-metadata';
import { boot, redisDependency } from '@signet/config';
import { postgresDependency } from '@signet/database';
import { natsDependency, startNatsService } from '@signet/nats';
import { loadCallbacksConfig } from './config/callbacks.config.js';

await boot('callback-dispatcher', {
  rules: ['privateNetworks'],
  needs: () => {
    const c = loadCallbacksConfig();
    return [postgresDependency('CALLBACKS'), natsDependency(c.NATS_URL), redisDependency(c.REDIS_URL)];
  },
  start: async () =>
    startNatsService('callback-dispatcher', (await import('./callback-dispatcher.module.js')).CallbackDispatcherModule, loadCallbacksConfig().NATS_URL),
});
