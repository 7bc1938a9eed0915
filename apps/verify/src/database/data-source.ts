import type { ServiceDatabaseOptions } from '@signet/database';
import { verifyDatabaseUrl } from '../config/verify.config.js';
import { migrations } from './migrations/index.js';

export const VERIFY_SCHEMA = 'verify';

export const verifyDatabase = (): ServiceDatabaseOptions => ({ schema: VERIFY_SCHEMA, url: verifyDatabaseUrl(), migrations, poolSize: 16 });
