import { Logger } from '@nestjs/common';
import type { EventEmitter } from 'node:events';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { SafeQueryLogger } from './query-logger.js';

export interface ServiceDatabaseOptions {
  /** Postgres schema owned by the service; no other service reads or writes it. */
  schema: string;
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations?: MixedList<Function | string>;
  poolSize?: number;
}

/** One TypeORM data source per service schema; `synchronize` is never on, migrations are checked in. */
export function createDataSource(opts: ServiceDatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: opts.url,
    schema: opts.schema,
    entities: opts.entities ?? [],
    migrations: opts.migrations ?? [],
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    // Failed queries and pool warnings only, never with their parameters (see SafeQueryLogger).
    logging: ['error', 'warn'],
    logger: new SafeQueryLogger(opts.schema),
    extra: { max: opts.poolSize ?? 10, connectionTimeoutMillis: 3000, application_name: `signet-${opts.schema}` },
  });
}

/**
 * Connects the data source, and makes a server-side disconnect of a client that is checked out (Postgres restarted
 * or stopped mid-transaction: `57P01`) an error of the query that used it, never an unhandled `error` event that
 * ends the process. pg's pool handles idle clients only.
 */
export async function initializeDataSource(opts: ServiceDatabaseOptions): Promise<DataSource> {
  const ds = await createDataSource(opts).initialize();
  const logger = new Logger(`Database:${opts.schema}`);
  const guarded = new WeakSet<EventEmitter>();
  const pool = (ds.driver as unknown as { master: EventEmitter }).master;
  pool.on('acquire', (client: EventEmitter) => {
    if (guarded.has(client)) return;
    guarded.add(client);
    client.on('error', (err: Error) => logger.warn(`Postgres connection lost while in use: ${err.message}`));
  });
  return ds;
}
