import { migrateService } from '@signet/database';
import { sipAuthDatabase } from './data-source.js';

export const migrate = (): Promise<string[]> => migrateService(sipAuthDatabase());
