import { migrateService } from '@signet/database';
import { callbacksDatabase } from './data-source.js';

export const migrate = (): Promise<string[]> => migrateService(callbacksDatabase());
