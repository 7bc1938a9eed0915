import 'reflect-metadata';
import { infraSchema, readConfig } from '@signet/config';
import { startNatsService } from '@signet/nats';
import { CallbackDispatcherModule } from './callback-dispatcher.module.js';

const config = readConfig('callback-dispatcher', infraSchema);
await startNatsService('callback-dispatcher', CallbackDispatcherModule, config.NATS_URL);
