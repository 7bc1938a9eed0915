import { createDataSource, migrateSchema } from '@signet/database';
import { verifyDatabase } from './data-source.js';

export async function migrate(): Promise<string[]> {
  const ds = await createDataSource(verifyDatabase()).initialize();
  try {
    return await migrateSchema(ds);
  } finally {
    await ds.destroy();
  }
}
