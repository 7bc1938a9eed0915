// Starts every service and worker from dist/ as child processes, the way `npm start` runs them, and stops them.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { services } from './services.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Under `npm test` (SIGNET_TEST_LOG_DIR set) every process's output is also kept, for the log-secrets check. */
function keepLog(env, name, child) {
  if (!env.SIGNET_TEST_LOG_DIR) return;
  const file = createWriteStream(`${env.SIGNET_TEST_LOG_DIR}/${name}-${child.pid}.log`, { flags: 'a' });
  child.stdout.pipe(file, { end: false });
  child.stderr.pipe(file, { end: false });
  child.once('exit', () => file.end());
}

const entries = services.flatMap((s) => [{ name: s.name, file: s.main }, ...(s.worker ? [{ name: `${s.name}-worker`, file: s.worker }] : [])]);

/**
 * Each process's health port (/livez, /readyz, /metrics): SIGNET_HEALTH_PORT_BASE (9464 by default) plus its place
 * in the list, so a machine running the whole stack knows where to scrape each one.
 */
export function healthPorts(env) {
  const base = Number(env.SIGNET_HEALTH_PORT_BASE ?? 9464);
  return Object.fromEntries(entries.map(({ name }, i) => [name, base + i]));
}

export function startStack(env, { output = 'prefix' } = {}) {
  const ports = healthPorts(env);
  const children = entries.map(({ name, file }) => {
    const child = spawn(process.execPath, ['--enable-source-maps', `${root}/dist/${file}`], {
      env: { ...env, SIGNET_HEALTH_PORT: String(ports[name]) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    keepLog(env, name, child);
    const write = (stream) => (chunk) => {
      if (output === 'silent') return;
      for (const line of String(chunk).split('\n')) if (line) stream.write(`[${name}] ${line}\n`);
    };
    child.stdout.on('data', write(process.stdout));
    child.stderr.on('data', write(process.stderr));
    child.on('exit', (code, signal) => {
      if (!stopping && output !== 'silent') process.stderr.write(`[${name}] exited (${signal ?? code})\n`);
    });
    return { name, child };
  });
  let stopping = false;
  return {
    children,
    async stop() {
      stopping = true;
      await Promise.all(
        children.map(({ child }) =>
          child.exitCode !== null
            ? undefined
            : new Promise((resolve) => {
                const kill = setTimeout(() => child.kill('SIGKILL'), 8000);
                child.once('exit', () => (clearTimeout(kill), resolve()));
                child.kill('SIGTERM');
              }),
        ),
      );
    },
  };
}

/** Until the gateway is ready and every service answers its health check (the gateway's readiness needs only NATS). */
export async function waitUntilReady(url, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    try {
      const res = await fetch(`${url}/readyz`);
      last = await res.text();
      if (res.ok && Object.values(JSON.parse(last).services).every((s) => s === 'ok')) return;
    } catch (err) {
      last = err.message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`gateway not ready after ${timeoutMs} ms: ${last}`);
}

/**
 * One more gateway process from dist/ (another replica) on its own port, with extra settings; ready once /healthz
 * answers. Its log lines are kept in `logs` (the last 2,000) for tests to read.
 */
export async function startGateway(env, port, extraEnv = {}, { output = 'silent' } = {}) {
  const child = spawn(process.execPath, ['--enable-source-maps', `${root}/dist/apps/gateway/src/main.js`], {
    env: { ...env, SIGNET_HEALTH_PORT: '0', ...extraEnv, GATEWAY_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  keepLog(env, `gateway-${port}`, child);
  const logs = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      for (const line of String(chunk).split('\n')) if (line) logs.push(line);
      logs.splice(0, logs.length - 2000);
      if (output !== 'silent') process.stderr.write(`[gateway:${port}] ${chunk}`);
    });
  }
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    child.exitCode !== null
      ? Promise.resolve()
      : new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGTERM');
        });
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, logs, stop };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > until) {
      await stop();
      throw new Error(`gateway on port ${port} did not start: ${logs.slice(-5).join(' | ')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
