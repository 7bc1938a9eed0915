import { createDataSource, migrateSchema } from '@signet/database';
import { seedPrices } from '../pricing/seed-prices.js';
import { billingDatabase } from './data-source.js';

/** Migrations, then the price list's seed step: countries missing from the table are added from prices.csv. */
export async function migrate(): Promise<string[]> {
  const ds = await createDataSource(billingDatabase()).initialize();
  try {
    const applied = await migrateSchema(ds);
    await seedPrices(ds);
    return applied;
  } finally {
    await ds.destroy();
  }
}
