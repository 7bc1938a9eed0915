import { migrateService } from '@signet/database';
import { verifyDatabase } from './data-source.js';

export const migrate = (): Promise<string[]> => migrateService(verifyDatabase());
