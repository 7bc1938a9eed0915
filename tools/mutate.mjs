// `npm run mutate`: StrykerJS over apps/verify/src and libs/outbox (stryker.config.mjs). Prepares what the
// integration specs need like `npm test` does (namespace `mutate`: its own database, queues, events, lock), then
// runs Stryker with two workers. Extra arguments go to Stryker (e.g. `--mutate apps/verify/src/otp/otp.ts`).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.env.SIGNET_NAMESPACE ||= 'mutate';
const { testEnv, testLock } = await import('./test-env.mjs');

if (!process.env.SIGNET_TEST_LOCKED) {
  try {
    execFileSync('flock', [testLock, process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, SIGNET_TEST_LOCKED: '1' },
    });
    process.exit(0);
  } catch (err) {
    process.exit(err.status ?? 1);
  }
}
const { ensureDependencies } = await import('./deps.mjs');
const { ensureInfra } = await import('./infra.mjs');
ensureDependencies();
await ensureInfra();
Object.assign(process.env, testEnv);
const { build } = await import('./build.mjs');
const { ensureDatabase } = await import('./database.mjs');
const { resetNamespace } = await import('./reset-namespace.mjs');
const { migrateAll } = await import('./migrate.mjs');
build();
await ensureDatabase(testEnv.DATABASE_URL, { recreate: true });
await resetNamespace(testEnv);
await migrateAll(() => undefined);
try {
  // Niced: test runs of other namespaces share these two cores and have timing-sensitive suites.
  execFileSync('nice', ['-n', '10', process.execPath, `${root}/node_modules/@stryker-mutator/core/bin/stryker.js`, 'run', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
} catch (err) {
  process.exit(err.status ?? 1);
}
