// The environment every test process runs with, derived from the run's namespace (`SIGNET_NAMESPACE`, default
// `test`): its own database, Redis prefix, NATS subjects/queue groups/events stream, gateway ports and lock, and
// fixed secrets, so a suite never touches what `npm start` (no namespace) or a benchmark (`bench`) uses, and two
// runs with different namespaces can run at once.
const namespace = process.env.SIGNET_NAMESPACE || 'test';
if (!/^[a-z0-9_-]{1,32}$/.test(namespace)) throw new Error(`SIGNET_NAMESPACE must be 1-32 of a-z, 0-9, "-", "_": ${namespace}`);

// `test` keeps the ports and lock it always had; any other namespace gets a block of 10 ports of its own.
const hash = [...namespace].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);
const port = namespace === 'test' ? 18180 : 20000 + (hash % 1000) * 10;

export const testNamespace = namespace;
/** One run per namespace at a time; runs in different namespaces share nothing but the machine. */
export const testLock = namespace === 'test' ? '/tmp/signet-test.lock' : `/tmp/signet-test-${namespace}.lock`;

export const testEnv = {
  NODE_ENV: 'test',
  SIGNET_NAMESPACE: namespace,
  DATABASE_URL: process.env.TEST_DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/signet_${namespace.replaceAll('-', '_')}`,
  NATS_URL: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_PREFIX: `signet-${namespace}`,
  // The stack's gateway; suites that start more replicas take the next ports (GATEWAY_PORT + 1 … + 9).
  GATEWAY_PORT: process.env.SIGNET_TEST_PORT ?? String(port),
  // The stack's processes' health ports (tools/stack.mjs: base + 0 … + 9), a block of 10 beneath the gateway's.
  SIGNET_HEALTH_PORT_BASE: String(Number(process.env.SIGNET_TEST_PORT ?? port) - 10000),
  SIGNET_SECRET_KEY: '5e'.repeat(32),
  SIGNET_ADMIN_TOKEN: 'test-admin-token',
  SIGNET_BOOTSTRAP_AUTH_ID: 'MATESTBOOTSTRAP00001',
  SIGNET_BOOTSTRAP_AUTH_TOKEN: 'TestBootstrapToken0123456789abcdefghijkl',
  // Info, not only warnings: the access log and every process's lines are then what log-secrets.after-spec searches.
  LOG_LEVEL: 'info',
  VERIFY_SWEEP_INTERVAL_MS: '250',
  SIGNET_BOOTSTRAP_CREDITS: '100000',
  BILLING_SWEEP_INTERVAL_MS: '500',
};
