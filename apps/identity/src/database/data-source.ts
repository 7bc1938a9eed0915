import type { ServiceDatabaseOptions } from '@signet/database';
import { identityDatabaseUrl } from '../config/identity.config.js';
import { migrations } from './migrations/index.js';

export const IDENTITY_SCHEMA = 'identity';

export const identityDatabase = (): ServiceDatabaseOptions => ({ schema: IDENTITY_SCHEMA, url: identityDatabaseUrl(), migrations });
