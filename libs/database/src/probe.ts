import pg from 'pg';
import { serviceDatabaseUrl, serviceDatabaseVariable, type Dependency } from '@signet/config';

/** Connects once and disconnects: does Postgres at `url` take a session? (boot's start-up check) */
export async function probePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The service's database (`<PREFIX>_DATABASE_URL`, else `DATABASE_URL`) as a start-up dependency. */
export const postgresDependency = (envPrefix: string): Dependency => ({
  variable: serviceDatabaseVariable(envPrefix),
  url: serviceDatabaseUrl(envPrefix),
  probe: probePostgres,
});
