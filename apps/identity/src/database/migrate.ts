import { createDataSource, migrateSchema } from '@signet/database';
import { identityDatabase } from './data-source.js';

export async function migrate(): Promise<string[]> {
  const ds = await createDataSource(identityDatabase()).initialize();
  try {
    return await migrateSchema(ds);
  } finally {
    await ds.destroy();
  }
}
