import { randomInt } from 'node:crypto';
import pg from 'pg';
import { apiClient, type TestAccount } from '@signet/testing';
// @ts-expect-error plain ESM helper shared with the benchmarks
import { startGateway } from '../tools/stack.mjs';
import { openAccount } from './support/admin.js';
import { bootStack, baseUrl, env } from './support/stack.js';

interface Gateway {
  url: string;
  logs: string[];
  stop(): Promise<void>;
}

// Gateway A is the stack's (no trusted proxy). Gateway B is a second replica that trusts 127.0.0.1 as its proxy, so a
// test can present any client address in X-Forwarded-For, and that keeps credentials for 10 minutes: only
// identity's notice can make it forget one within a second.
describe('identity across gateway replicas', () => {
  let stack: Awaited<ReturnType<typeof bootStack>>;
  let b: Gateway;
  const otherPort = Number(env.GATEWAY_PORT) + 1;

  beforeAll(async () => {
    stack = await bootStack();
    b = await startGateway(env, otherPort, { GATEWAY_TRUSTED_PROXIES: '127.0.0.1', GATEWAY_AUTH_CACHE_MS: '600000' });
  }, 90_000);
  afterAll(async () => {
    await b?.stop();
    await stack?.stop();
  });

  const get = (url: string, a: TestAccount, headers: Record<string, string> = {}) =>
    apiClient(url, a.authId, a.token)('GET', `/v1/Account/${a.authId}/`, undefined, headers);

  it('a token rotated through one gateway stops working on the other within a second', async () => {
    const account = await openAccount();
    expect((await get(baseUrl, account)).status).toBe(200);
    expect((await get(b.url, account)).status).toBe(200);

    // Remove the token behind the gateways' backs: B still accepts it, so B is answering from its cache.
    const db = new pg.Client({ connectionString: env.DATABASE_URL });
    await db.connect();
    await db.query('DELETE FROM identity.auth_tokens WHERE auth_id = $1', [account.authId]);
    await db.end();
    expect((await get(b.url, account)).status).toBe(200);

    const rotated = await apiClient(baseUrl, account.authId, account.token)('POST', `/v1/Account/${account.authId}/AuthToken/`, { expire_old: 'immediately' });
    expect(rotated.status).toBe(201);
    const started = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - started < 1000) {
      status = (await get(b.url, account)).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 10));
    }
    const elapsed = Date.now() - started;
    expect(status).toBe(401);
    expect(elapsed).toBeLessThan(1000);
    expect((await get(b.url, { authId: account.authId, token: rotated.body.auth_token as string })).status).toBe(200);
  });

  it('keeps the old token working for 48 hours when asked to', async () => {
    const account = await openAccount();
    const rotated = await apiClient(b.url, account.authId, account.token)('POST', `/v1/Account/${account.authId}/AuthToken/`, { expire_old: '48h' });
    expect(rotated.body).toMatchObject({ message: 'auth token regenerated', auth_id: account.authId, old_token_expires_at: expect.any(String) });
    expect(Date.parse(rotated.body.old_token_expires_at as string) - Date.now()).toBeGreaterThan(47.9 * 3600_000);
    expect((await get(baseUrl, account)).status).toBe(200);
    expect((await get(b.url, { authId: account.authId, token: rotated.body.auth_token as string })).status).toBe(200);
  });

  it('enforces the IP whitelist for the account and its subaccounts, trusting X-Forwarded-For only from a listed proxy', async () => {
    const account = await openAccount();
    const viaB = (a: TestAccount, client: string) => (method: string, path: string, body?: unknown) =>
      apiClient(b.url, a.authId, a.token)(method, `/v1/Account/${a.authId}${path}`, body, { 'x-forwarded-for': client });
    const main = viaB(account, '192.0.2.10');
    const created = await main('POST', '/Subaccount/', { name: 'Sub', enabled: true });
    const sub: TestAccount = { authId: created.body.auth_id as string, token: created.body.auth_token as string };
    expect((await main('POST', '/IpWhitelist/', { cidr: '192.0.2.0/24' })).status).toBe(201);
    expect((await main('POST', '/IpWhitelist/', { cidr: '2001:db8::/32' })).status).toBe(201);
    expect((await main('POST', '/IpWhitelist/Settings/', { enabled: true })).body).toMatchObject({ message: 'changed', enabled: true });
    expect((await main('GET', '/IpWhitelist/')).body).toMatchObject({ enabled: true, objects: [{ cidr: '192.0.2.0/24' }, { cidr: '2001:db8::/32' }] });

    const refused = await viaB(account, '198.51.100.1')('GET', '/');
    expect(refused).toMatchObject({ status: 403, body: { error: "forbidden: 198.51.100.1 is not in this account's IP whitelist" } });
    expect((await viaB(sub, '198.51.100.1')('GET', '/')).status).toBe(403);
    expect((await viaB(sub, '192.0.2.200')('GET', '/')).status).toBe(200);
    expect((await viaB(account, '2001:db8:1::7')('GET', '/')).status).toBe(200);
    // Only the nearest untrusted hop counts: a forged address further left does not.
    expect((await viaB(account, '192.0.2.10, 198.51.100.1')('GET', '/')).status).toBe(403);
    // Gateway A trusts no proxy: it sees 127.0.0.1 whatever the header says.
    const direct = await get(baseUrl, account, { 'x-forwarded-for': '192.0.2.10' });
    expect(direct).toMatchObject({ status: 403, body: { error: expect.stringContaining('127.0.0.1 is not') } });

    expect((await main('POST', '/IpWhitelist/Settings/', { enabled: false })).status).toBe(202);
    expect((await get(baseUrl, account)).status).toBe(200);
  });

  it('throttles an address after 20 failed attempts a minute, logs it, and never logs a token', async () => {
    const account = await openAccount();
    const client = `203.0.113.${randomInt(1, 255)}`;
    const wrong = { authId: account.authId, token: 'WrongToken0123456789abcdefghijklmnopqrst' };
    for (let i = 0; i < 20; i++) expect((await get(b.url, wrong, { 'x-forwarded-for': client })).status).toBe(401);
    const throttled = await get(b.url, wrong, { 'x-forwarded-for': client });
    expect(throttled).toMatchObject({ status: 429, body: { error: expect.stringMatching(/too many failed authentication attempts/) } });
    // Even the right token is refused from that address until the window slides; other addresses are unaffected.
    expect((await get(b.url, account, { 'x-forwarded-for': client })).status).toBe(429);
    expect((await get(b.url, account, { 'x-forwarded-for': '192.0.2.99' })).status).toBe(200);

    await new Promise((r) => setTimeout(r, 200));
    // Log lines are JSON (pino): the message is their `msg`.
    const messages = b.logs.map((l) => {
      try {
        return String((JSON.parse(l) as { msg?: unknown }).msg ?? l);
      } catch {
        return l;
      }
    });
    const mentions = messages.filter((l) => l.includes(client));
    expect(mentions.some((l) => l.includes(`failed authentication from ${client} for auth id "${account.authId}"`))).toBe(true);
    expect(mentions.some((l) => l.includes(`throttling authentication from ${client}`))).toBe(true);
    expect(b.logs.some((l) => l.includes(wrong.token) || l.includes(account.token))).toBe(false);
  });
});
