import type { ServiceDatabaseOptions } from '@signet/database';
import { callbacksDatabaseUrl } from '../config/callbacks.config.js';
import { migrations } from './migrations/index.js';

export const CALLBACKS_SCHEMA = 'callbacks';

export const callbacksDatabase = (): ServiceDatabaseOptions => ({ schema: CALLBACKS_SCHEMA, url: callbacksDatabaseUrl(), migrations, poolSize: 16 });
