// What every bench script shares: arguments, a fresh bench database and queues, the stack's settings, and results.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

export const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

// `bench`, or a `bench-…` namespace of one's own (SIGNET_NAMESPACE=bench-me): its database, Redis prefix and ports.
const namespace = /^bench(-[a-z0-9_-]{1,26})?$/.test(process.env.SIGNET_NAMESPACE ?? '') ? process.env.SIGNET_NAMESPACE : 'bench';
const hash = [...namespace].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);

/** Builds, recreates the namespace's database, empties its queues and events stream, migrates; returns the stack's environment. */
export async function prepareBench(extra = {}) {
  const { ensureInfra } = await import('../tools/infra.mjs');
  const { build } = await import('../tools/build.mjs');
  const { ensureDatabase } = await import('../tools/database.mjs');
  await ensureInfra();
  build();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    // Its own NATS subjects, queue groups and events stream: a bench never answers a test run's or `npm start`'s calls.
    SIGNET_NAMESPACE: namespace,
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/signet_${namespace.replaceAll('-', '_')}`,
    REDIS_PREFIX: `signet-${namespace}`,
    GATEWAY_PORT: namespace === 'bench' ? '18280' : String(30000 + (hash % 1000) * 10),
    SIGNET_SECRET_KEY: '7b'.repeat(32),
    SIGNET_BOOTSTRAP_AUTH_ID: 'MABENCHBENCHBENCH001',
    SIGNET_BOOTSTRAP_AUTH_TOKEN: 'BenchToken0123456789abcdefghijklmnopqrst',
    // Production identity refuses to start without SMTP; benches that send no mail never connect to it.
    SIGNET_SMTP_URL: 'smtp://127.0.0.1:9?tls=off',
    SIGNET_BOOTSTRAP_CREDITS: '1000000',
    // Production refuses to start without an admin token, and on the development outbox without this opt-in.
    SIGNET_ADMIN_TOKEN: 'bench-admin-token-0123456789',
    SIGNET_ALLOW_OUTBOX_PROVIDER: 'true',
    ...extra,
  };
  Object.assign(process.env, env);
  await ensureDatabase(env.DATABASE_URL, { recreate: true });
  // Jobs left in Redis by an earlier run point at rows that no longer exist: start from empty queues.
  const { Redis } = await import('ioredis');
  const redis = new Redis('redis://127.0.0.1:6379');
  for (const pattern of [`${env.REDIS_PREFIX}:*`, 'bull:baseline.*']) {
    const keys = await redis.keys(pattern);
    if (keys.length > 0) await redis.del(...keys);
  }
  redis.disconnect();
  const { resetNamespace } = await import('../tools/reset-namespace.mjs');
  await resetNamespace({ NATS_URL: 'nats://127.0.0.1:4222', REDIS_URL: 'redis://127.0.0.1:6379', ...env });
  const { migrateAll } = await import('../tools/migrate.mjs');
  await migrateAll(() => undefined);
  return env;
}

export function recorder() {
  const results = [];
  const record = (name, r) => {
    console.log(JSON.stringify({ name, ...r }));
    results.push({ name, ...r });
  };
  return { results, record };
}

/** CPU seconds (user + system) a process has used so far, from /proc (0 once it is gone). */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by each process of a running stack (`startStack`'s children), by process name. */
export const stackCpu = (running) => Object.fromEntries((running.children ?? []).map(({ name, child }) => [name, cpuSeconds(child.pid)]));
