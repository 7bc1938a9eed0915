// The environment every test process runs with: its own database, Redis prefix, gateway port and fixed secrets,
// so a suite never touches what `npm start` uses.
export const testEnv = {
  NODE_ENV: 'test',
  DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/signet_test',
  NATS_URL: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_PREFIX: 'signet-test',
  GATEWAY_PORT: '18180',
  SIGNET_SECRET_KEY: '5e'.repeat(32),
  SIGNET_ADMIN_TOKEN: 'test-admin-token',
  SIGNET_BOOTSTRAP_AUTH_ID: 'MATESTBOOTSTRAP00001',
  SIGNET_BOOTSTRAP_AUTH_TOKEN: 'TestBootstrapToken0123456789abcdefghijkl',
  VERIFY_SWEEP_INTERVAL_MS: '250',
  SIGNET_BOOTSTRAP_CREDITS: '100000',
  BILLING_SWEEP_INTERVAL_MS: '500',
};
