// The schema a fresh install gets, per service: migrates a new scratch database from dist/ and compares
// `pg_dump --schema-only` of every service schema with tools/schema/<schema>.sql.
//   node tools/schema-snapshot.mjs           check (exit 1 with a diff when they differ); needs a build
//   npm run schema:snapshot                  build, then rewrite the snapshots (after adding a migration)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'tools/schema');
export const SNAPSHOT_COMMAND = 'npm run schema:snapshot';

/** pg_dump's text minus what changes from run to run (its version lines, the random \restrict key). */
const normalize = (dump) =>
  dump
    .split('\n')
    .filter((line) => !/^-- Dumped (from|by)/.test(line) && !/^\\(un)?restrict /.test(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim() + '\n';

export async function currentSchemas(baseUrl) {
  const pg = (await import('pg')).default;
  const { ensureDatabase } = await import('./database.mjs');
  const { migrateAll } = await import('./migrate.mjs');
  const url = new URL(baseUrl);
  url.pathname = `${url.pathname}_schema`;
  await ensureDatabase(url.toString(), { recreate: true });
  const saved = { ...process.env };
  try {
    // Every service into the scratch database, whatever `<SERVICE>_DATABASE_URL` says.
    for (const key of Object.keys(process.env)) if (key.endsWith('_DATABASE_URL')) delete process.env[key];
    process.env.DATABASE_URL = url.toString();
    await migrateAll(() => undefined);
  } finally {
    Object.assign(process.env, saved);
  }
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const { rows } = await client.query(
    "SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('public', 'information_schema') AND nspname NOT LIKE 'pg\\_%' ORDER BY 1",
  );
  await client.end();
  const schemas = Object.fromEntries(
    rows.map(({ nspname }) => [
      nspname,
      normalize(execFileSync('pg_dump', ['--schema-only', '--no-owner', '--no-privileges', `--schema=${nspname}`, url.toString()], { encoding: 'utf8' })),
    ]),
  );
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const drop = new pg.Client({ connectionString: admin.toString() });
  await drop.connect();
  await drop.query(`DROP DATABASE IF EXISTS "${decodeURIComponent(url.pathname.slice(1))}" WITH (FORCE)`);
  await drop.end();
  return schemas;
}

const stored = () =>
  existsSync(dir)
    ? Object.fromEntries(
        readdirSync(dir)
          .filter((f) => f.endsWith('.sql'))
          .map((f) => [f.slice(0, -4), readFileSync(join(dir, f), 'utf8')]),
      )
    : {};

/** '' when the snapshots match; otherwise what differs, as `diff -u` says it, and how to update them. */
export async function checkSchemas(baseUrl) {
  const now = await currentSchemas(baseUrl);
  const then = stored();
  const tmp = mkdtempSync(join(tmpdir(), 'signet-schema-'));
  const problems = [];
  for (const name of [...new Set([...Object.keys(now), ...Object.keys(then)])].sort()) {
    if (now[name] === then[name]) continue;
    const fresh = join(tmp, `${name}.sql`);
    writeFileSync(fresh, now[name] ?? '');
    let diff = '';
    try {
      execFileSync('diff', ['-u', existsSync(join(dir, `${name}.sql`)) ? join(dir, `${name}.sql`) : '/dev/null', fresh], { encoding: 'utf8' });
    } catch (err) {
      diff = err.stdout;
    }
    problems.push(diff || `${name}: ${now[name] ? 'no snapshot' : 'snapshot of a schema no migration creates'}`);
  }
  rmSync(tmp, { recursive: true, force: true });
  if (problems.length === 0) return '';
  return `${problems.join('\n')}\nThe schema the migrations produce differs from tools/schema/*.sql (above: - snapshot, + migrations).
If you added a migration on purpose, run \`${SNAPSHOT_COMMAND}\` and commit tools/schema/. If not, a landed migration
or something it imports changed: landed migrations are frozen.`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { testEnv } = await import('./test-env.mjs');
  if (process.argv.includes('--write')) {
    const { ensureDependencies } = await import('./deps.mjs');
    ensureDependencies();
    (await import('./build.mjs')).build();
    const schemas = await currentSchemas(testEnv.DATABASE_URL);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const [name, sql] of Object.entries(schemas)) writeFileSync(join(dir, `${name}.sql`), sql);
    console.log(`wrote tools/schema/{${Object.keys(schemas).join(',')}}.sql`);
  } else {
    const problems = await checkSchemas(testEnv.DATABASE_URL);
    if (problems) {
      console.error(problems);
      process.exit(1);
    }
    console.log('schema snapshots match');
  }
}
