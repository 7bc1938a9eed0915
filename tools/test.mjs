// `npm test` / `node tools/test.mjs [--unit] [--integration] [--e2e] [--lint] [jest patterns and options…]`:
// installs what is missing (`npm ci`: never rewrites package-lock.json), makes sure Postgres, Redis and NATS are
// up, type-checks, lints (the full run, or --lint), and runs the selected jest projects: unit specs alone, then
// (after a build, a fresh database of the run's namespace, emptied queues and events, migrations) the
// integration specs, then the end-to-end suites against one stack booted for all of them. A pattern selects
// suites by path, as jest does; only the kinds it matches are prepared and run. Runs in the same namespace
// (`SIGNET_NAMESPACE`, default `test`) queue behind one lock; runs in different namespaces run at once.
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependenciesAsync } from './deps.mjs';
import { ensureInfra } from './infra.mjs';
import { testEnv, testLock, testNamespace } from './test-env.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const KINDS = { unit: /\.spec\.ts$/, integration: /\.integration-spec\.ts$/, e2e: /\.e2e-spec\.ts$/ };
const argv = process.argv.slice(2);
const flags = new Set(argv.filter((a) => ['--unit', '--integration', '--e2e', '--lint'].includes(a)));
const jestArgs = argv.filter((a) => !flags.has(a));
// Positional arguments are path patterns, except the value of a jest option that takes one.
const VALUED = new Set(['-t', '--testNamePattern', '--shard', '--maxWorkers', '--seed']);
const patterns = jestArgs.filter((a, i) => !a.startsWith('-') && !VALUED.has(jestArgs[i - 1] ?? ''));
const chosen = Object.keys(KINDS).filter((k) => flags.has(`--${k}`));
const kinds = chosen.length > 0 ? chosen : Object.keys(KINDS);

const sources = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (['node_modules', 'dist', '.stryker-tmp', '.git'].includes(name)) return [];
    return statSync(path).isDirectory() ? sources(path) : [relative(root, path)];
  });
const testFiles = ['apps', 'libs', 'e2e', 'tools'].flatMap((d) => sources(join(root, d)));
const matches = (file) => patterns.length === 0 || patterns.some((p) => new RegExp(p, 'i').test(file));
const selected = kinds.filter((k) => testFiles.some((f) => KINDS[k].test(f) && matches(f)));
if (selected.length === 0) {
  if (jestArgs.includes('--passWithNoTests')) process.exit(0);
  console.error(`no ${kinds.join('/')} test matches ${patterns.join(' ')}`);
  process.exit(1);
}
const lint = flags.has('--lint') || (patterns.length === 0 && chosen.length === 0);
const needsStack = selected.some((k) => k !== 'unit');

// Unit specs touch nothing shared: only runs that prepare the namespace's database and stack take its lock.
if (needsStack && !process.env.SIGNET_TEST_LOCKED) {
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

const started = Date.now();
const phase = (what) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${what}`);
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
const runAsync = (cmd, args) =>
  new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(Object.assign(new Error(`${cmd} exited ${code}`), { status: code ?? 1 }))));
  });
// Everything the suite's processes log (jest's own output and every service's) is kept in one directory and,
// once every other suite has run, searched for the secrets the suite used (e2e/log-secrets.after-spec.ts).
const logDir = mkdtempSync(`${tmpdir()}/signet-test-logs-`);
try {
  phase(`namespace ${testNamespace}: ${selected.join(', ')}${lint ? ', lint' : ''}`);
  // npm packages and the machine's services (Postgres, Redis, NATS, Kamailio: Debian packages when missing) at once.
  await Promise.all([ensureDependenciesAsync(), needsStack ? ensureInfra().then(() => runAsync('bash', [`${root}/tools/ensure-sip.sh`])) : undefined]);
  Object.assign(process.env, testEnv);
  // The type-check, the lint and the build with the database set-up are independent: side by side.
  const checks = [[`${root}/node_modules/.bin/tsc`, ['-p', 'tsconfig.json']]];
  if (lint) checks.push([process.execPath, [`${root}/node_modules/eslint/bin/eslint.js`, '--max-warnings=0', '.']]);
  if (lint) checks.push([process.execPath, [`${root}/node_modules/prettier/bin/prettier.cjs`, '--check', '--log-level=warn', '.']]);
  phase(`${lint ? 'type-checking and linting' : 'type-checking'}${needsStack ? ', building, preparing the database' : ''}…`);
  const prepare = async () => {
    const { build } = await import('./build.mjs');
    const { ensureDatabase } = await import('./database.mjs');
    const { resetNamespace } = await import('./reset-namespace.mjs');
    const { migrateAll } = await import('./migrate.mjs');
    build();
    await ensureDatabase(testEnv.DATABASE_URL, { recreate: true });
    await resetNamespace(testEnv);
    await migrateAll(() => undefined);
  };
  await Promise.all([...checks.map(([cmd, args]) => runAsync(cmd, args)), needsStack ? prepare() : undefined]);
  // Unit and integration specs first, without a stack running; then the e2e suites with theirs.
  const groups = [selected.filter((k) => k !== 'e2e'), selected.filter((k) => k === 'e2e')].filter((g) => g.length > 0);
  // An e2e suite that sets its own stack environment (`Object.assign(env, …)` before `bootStack()`, or its own
  // `startStack(…)` with extra settings) cannot share the
  // run's stack: those suites run afterwards, each booting its own.
  const ownStack = testFiles.filter((f) => KINDS.e2e.test(f) && matches(f) && /Object\.assign\(env\b|\bstartStack\(/.test(readFileSync(join(root, f), 'utf8')));
  let logs = 0;
  const jest = (extraArgs, env = {}) =>
    new Promise((resolve, reject) => {
      const args = ['--experimental-vm-modules', `${root}/node_modules/jest/bin/jest.js`, '--runInBand', '--passWithNoTests', ...extraArgs];
      const child = spawn(process.execPath, args, {
        cwd: root,
        stdio: ['inherit', 'pipe', 'pipe'],
        env: { ...process.env, NODE_NO_WARNINGS: '1', SIGNET_TEST_LOG_DIR: logDir, ...env },
      });
      const log = createWriteStream(`${logDir}/jest-${++logs}.log`);
      child.stdout.on('data', (c) => (process.stdout.write(c), log.write(c)));
      child.stderr.on('data', (c) => (process.stderr.write(c), log.write(c)));
      child.on('error', reject);
      child.on('exit', (code) => (log.end(), code === 0 ? resolve() : reject(Object.assign(new Error(`jest exited ${code}`), { status: code ?? 1 }))));
    });
  for (const group of groups) {
    phase(`jest: ${group.join(', ')}`);
    const own = group.includes('e2e') ? ownStack : [];
    await jest([...jestArgs, ...own.map((f) => `--testPathIgnorePatterns=${f}`), ...group.map((g) => `--selectProjects=${g}`)]);
    if (own.length > 0) {
      phase(`jest: e2e with stacks of their own (${own.join(', ')})`);
      await jest([...jestArgs.filter((a) => !patterns.includes(a)), ...own, '--selectProjects=e2e'], { SIGNET_E2E_OWN_STACK: '1' });
    }
  }
  if (needsStack) {
    phase('jest: the log-secrets check over everything the run logged');
    await jest(['--selectProjects=after']);
  }
  phase('done');
} catch (err) {
  if (err.status === undefined) console.error(err);
  process.exitCode = err.status ?? 1;
} finally {
  rmSync(logDir, { recursive: true, force: true });
}
