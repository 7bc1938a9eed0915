import type { DataSource } from 'typeorm';
import { createDataSource, type ServiceDatabaseOptions } from './data-source.js';

/**
 * Runs a service's migrations under an advisory lock, so replicas or a Kubernetes Job racing at boot apply
 * each migration once. The schema is created first because TypeORM keeps its migrations table inside it.
 */
export async function migrateSchema(ds: DataSource): Promise<string[]> {
  const schema = (ds.options as { schema: string }).schema;
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`signet:migrate:${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`signet:migrate:${schema}`]).catch(() => undefined);
    await runner.release();
  }
}

/** Connects, migrates and disconnects: what `npm run migrate` and the Kubernetes Job run per service. */
export async function migrateService(options: ServiceDatabaseOptions): Promise<string[]> {
  const ds = await createDataSource(options).initialize();
  try {
    return await migrateSchema(ds);
  } finally {
    await ds.destroy();
  }
}
