import 'reflect-metadata';
import { boot, redisDependency } from '@signet/config';
import { postgresDependency } from '@signet/database';
import { natsDependency, startNatsService } from '@signet/nats';
import { loadCallbacksConfig } from './config/callbacks.config.js';
import { CallbackDispatcherModule } from './callback-dispatcher.module.js';

await boot('callback-dispatcher', {
  rules: ['privateNetworks'],
  needs: () => {
    const c = loadCallbacksConfig();
    return [postgresDependency('CALLBACKS'), natsDependency(c.NATS_URL), redisDependency(c.REDIS_URL)];
  },
  start: () => startNatsService('callback-dispatcher', CallbackDispatcherModule, loadCallbacksConfig().NATS_URL),
});
