import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import pg from 'pg';

// BILLING_DATABASE_URL and CALLBACKS_DATABASE_URL move those services to a database of their own: the migration
// Job (tools/migrate.mjs) builds their schemas there, and the others stay on DATABASE_URL.
const root = resolve(import.meta.dirname, '..');
const shared = process.env.DATABASE_URL!;
const own = (() => {
  const u = new URL(shared);
  u.pathname = `${u.pathname}_own`;
  return u.toString();
})();

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}
const schemas = async (url: string) =>
  (await query<{ nspname: string }>(url, "SELECT nspname FROM pg_namespace WHERE nspname IN ('identity', 'verify', 'billing', 'callbacks')"))
    .map((r) => r.nspname)
    .sort();

describe('services on databases of their own', () => {
  const name = new URL(own).pathname.slice(1);
  beforeAll(async () => {
    await query(shared, `DROP DATABASE IF EXISTS "${name}"`);
    await query(shared, `CREATE DATABASE "${name}"`);
  });
  afterAll(() => query(shared, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

  it('migrates billing and callbacks into BILLING_DATABASE_URL / CALLBACKS_DATABASE_URL', async () => {
    execFileSync(process.execPath, [resolve(root, 'tools/migrate.mjs')], {
      env: { ...process.env, BILLING_DATABASE_URL: own, CALLBACKS_DATABASE_URL: own },
      stdio: 'ignore',
    });
    expect(await schemas(own)).toEqual(['billing', 'callbacks']);
    expect(await schemas(shared)).toEqual(expect.arrayContaining(['identity', 'verify']));
    const tables = await query<{ n: string }>(own, "SELECT count(*) AS n FROM pg_tables WHERE schemaname IN ('billing', 'callbacks')");
    expect(Number(tables[0].n)).toBeGreaterThan(3);
  });
});
