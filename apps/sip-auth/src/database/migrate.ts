import { createDataSource, migrateSchema } from '@signet/database';
import { sipAuthDatabase } from './data-source.js';

export async function migrate(): Promise<string[]> {
  const ds = await createDataSource(sipAuthDatabase()).initialize();
  try {
    return await migrateSchema(ds);
  } finally {
    await ds.destroy();
  }
}
