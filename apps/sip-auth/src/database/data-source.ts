import type { ServiceDatabaseOptions } from '@signet/database';
import { sipAuthDatabaseUrl } from '../config/sip-auth.config.js';
import { migrations } from './migrations/index.js';

export const SIPAUTH_SCHEMA = 'sipauth';

export const sipAuthDatabase = (): ServiceDatabaseOptions => ({ schema: SIPAUTH_SCHEMA, url: sipAuthDatabaseUrl(), migrations });
