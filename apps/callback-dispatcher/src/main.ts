import 'reflect-metadata';
import { startNatsService } from '@signet/nats';
import { loadCallbacksConfig } from './config/callbacks.config.js';
import { CallbackDispatcherModule } from './callback-dispatcher.module.js';

await startNatsService('callback-dispatcher', CallbackDispatcherModule, loadCallbacksConfig().NATS_URL);
