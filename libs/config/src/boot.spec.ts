import { redisDependency } from './redis-options.js';
import { redactUrl, requireDependencies, StartupError } from './boot.js';
import { PUBLISHED_SECRET_KEYS, unsafeProduction } from './production-guard.js';

const prod = { NODE_ENV: 'production', SIGNET_SECRET_KEY: 'a1'.repeat(32), SIGNET_ADMIN_TOKEN: 'an-operator-chosen-token-0123' };
const sender = JSON.stringify({ provider: 'twilio', credentials: {}, numbers: [{ number: '+14155550100' }] });

describe('unsafeProduction', () => {
  it.each([
    [{ ...prod, SIGNET_SECRET_KEY: PUBLISHED_SECRET_KEYS[0].toUpperCase() }, 'secretKey', /SIGNET_SECRET_KEY is a key published/],
    [{ ...prod, SIGNET_ADMIN_TOKEN: '' }, 'adminToken', /SIGNET_ADMIN_TOKEN is not set/],
    [{ ...prod, SIGNET_ADMIN_TOKEN: 'dev-admin-token-not-for-production' }, 'adminToken', /SIGNET_ADMIN_TOKEN is a token published/],
    [{ ...prod }, 'outboxProvider', /SIGNET_PLATFORM_SENDER is the development outbox/],
    [{ ...prod, SIGNET_PLATFORM_SENDER: '{"provider": "outbox"}' }, 'outboxProvider', /SIGNET_ALLOW_OUTBOX_PROVIDER=true/],
    [{ ...prod, CALLBACKS_ALLOW_PRIVATE_NETWORKS: 'TRUE' }, 'privateNetworks', /CALLBACKS_ALLOW_PRIVATE_NETWORKS=true/],
  ] as const)('refuses %j under %s', (env, rule, message) => {
    expect(unsafeProduction([rule], env)).toMatch(message);
    expect(unsafeProduction([rule], env)).toMatch(/^refusing to start in production: /);
  });

  it('accepts safe settings, an explicit outbox opt-in, and anything outside production', () => {
    const rules = ['secretKey', 'adminToken', 'outboxProvider', 'privateNetworks'] as const;
    expect(unsafeProduction(rules, { ...prod, SIGNET_PLATFORM_SENDER: sender, CALLBACKS_ALLOW_PRIVATE_NETWORKS: 'false' })).toBeUndefined();
    expect(unsafeProduction(['outboxProvider'], { ...prod, SIGNET_ALLOW_OUTBOX_PROVIDER: 'true' })).toBeUndefined();
    expect(
      unsafeProduction(rules, { NODE_ENV: 'development', SIGNET_SECRET_KEY: PUBLISHED_SECRET_KEYS[0], CALLBACKS_ALLOW_PRIVATE_NETWORKS: 'true' }),
    ).toBeUndefined();
  });

  it('the published key is the one docker-compose.yml falls back to', async () => {
    const { readFileSync } = await import('node:fs');
    const compose = readFileSync(new URL('../../../docker-compose.yml', import.meta.url), 'utf8');
    expect(compose).toContain(`SIGNET_SECRET_KEY:-${PUBLISHED_SECRET_KEYS[0]}`);
  });
});

describe('requireDependencies', () => {
  it('names the variable and the URL without its password when Redis does not answer', async () => {
    const err = await requireDependencies([redisDependency('redis://:hunter2@127.0.0.1:1/0')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect((err as Error).message).toMatch(/^cannot reach REDIS_URL \(redis:\/\/:\*\*\*@127\.0\.0\.1:1\/0\): /);
    expect((err as Error).message).not.toContain('hunter2');
  });

  it('redacts only the password', () => {
    expect(redactUrl('postgres://u:p@h:5432/db?x=1')).toBe('postgres://u:***@h:5432/db?x=1');
    expect(redactUrl('nats://h:4222')).toBe('nats://h:4222');
    expect(redactUrl('::')).toBe('(not a URL)');
  });
});
