import { migrateService } from '@signet/database';
import { identityDatabase } from './data-source.js';

export const migrate = (): Promise<string[]> => migrateService(identityDatabase());
