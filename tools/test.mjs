// `npm test`: installs what is missing, makes sure Postgres, Redis and NATS are up, type-checks, builds (the
// end-to-end suites boot the services from dist/ as `npm start` does), recreates the test database and runs
// every jest suite in band (they share the one Postgres/Redis/NATS).
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
// Everything the suite's processes log is kept (jest's own output and every service's), then searched for the
// secrets the suite used (e2e/log-secrets.after-spec.ts) once every other suite has run.
const logDir = mkdtempSync(`${tmpdir()}/signet-test-logs-`);
const jestEnv = { ...process.env, NODE_NO_WARNINGS: '1', SIGNET_TEST_LOG_DIR: logDir };
const jest = (extra, logName) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ['--experimental-vm-modules', `${root}/node_modules/jest/bin/jest.js`, '--runInBand', ...extra], {
      cwd: root,
      stdio: ['inherit', 'pipe', 'pipe'],
      env: jestEnv,
    });
    const log = logName ? createWriteStream(`${logDir}/${logName}`) : undefined;
    child.stdout.on('data', (c) => (process.stdout.write(c), log?.write(c)));
    child.stderr.on('data', (c) => (process.stderr.write(c), log?.write(c)));
    child.on('exit', (code) => (log?.end(), resolve(code ?? 1)));
  });
const status = await jest(process.argv.slice(2), 'jest.log');
const logStatus = await jest(['--testMatch', '<rootDir>/e2e/*.after-spec.ts']);
rmSync(logDir, { recursive: true, force: true });
process.exit(status || logStatus);
