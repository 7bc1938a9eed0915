// `npm test`: installs what is missing, makes sure Postgres, Redis and NATS are up, type-checks, builds (the
// end-to-end suites boot the services from dist/ as `npm start` does), recreates the test database and runs
// every jest suite in band (they share the one Postgres/Redis/NATS).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './deps.mjs';
import { ensureInfra } from './infra.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

// One test run at a time on a machine: suites share the local Postgres, Redis, NATS and the test gateway port.
if (!process.env.SIGNET_TEST_LOCKED) {
  try {
    execFileSync('flock', ['/tmp/signet-test.lock', process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, SIGNET_TEST_LOCKED: '1' },
    });
    process.exit(0);
  } catch (err) {
    process.exit(err.status ?? 1);
  }
}
ensureDependencies();
await ensureInfra();
execFileSync('bash', [`${root}/tools/ensure-sip.sh`], { stdio: 'inherit' });
const { testEnv } = await import('./test-env.mjs');
Object.assign(process.env, testEnv);
const { ensureDatabase } = await import('./database.mjs');
const { build } = await import('./build.mjs');
const { migrateAll } = await import('./migrate.mjs');

console.log('type-checking…');
execFileSync(`${root}/node_modules/.bin/tsc`, ['-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
build();
await ensureDatabase(testEnv.DATABASE_URL, { recreate: true });
await migrateAll(() => undefined);
const args = ['--experimental-vm-modules', `${root}/node_modules/jest/bin/jest.js`, '--runInBand', ...process.argv.slice(2)];
try {
  execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
} catch (err) {
  process.exit(err.status ?? 1);
}
