import type { ServiceDatabaseOptions } from '@signet/database';
import { billingDatabaseUrl } from '../config/billing.config.js';
import { migrations } from './migrations/index.js';

export const BILLING_SCHEMA = 'billing';

export const billingDatabase = (): ServiceDatabaseOptions => ({ schema: BILLING_SCHEMA, url: billingDatabaseUrl(), migrations, poolSize: 20 });
