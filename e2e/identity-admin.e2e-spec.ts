import { randomInt, randomUUID } from 'node:crypto';
import pg from 'pg';
import { apiClient } from '@signet/testing';
import { adminApi, openAccount } from './support/admin.js';
import { bootStack, baseUrl, env, newRecipient } from './support/stack.js';

const indianMobile = () => `+9198${String(randomInt(1e8)).padStart(8, '0')}`;

describe('account lifecycle through the admin API', () => {
  let stack: Awaited<ReturnType<typeof bootStack>>;
  const admin = adminApi();

  beforeAll(async () => {
    stack = await bootStack();
  }, 90_000);
  afterAll(() => stack?.stop());

  it('wants the operators bearer token', async () => {
    expect((await adminApi(baseUrl, 'wrong-token-but-long-enough')('GET', '/admin/v1/Account/')).status).toBe(401);
    const none = await apiClient(baseUrl, 'MA', 'x')('GET', '/admin/v1/Account/');
    expect(none.status).toBe(401);
    expect(none.body.error).toMatch(/Bearer/);
  });

  it('opens, lists and finds accounts, and answers bad input with 400/409', async () => {
    const email = `find-${randomUUID()}@example.com`;
    const created = await admin('POST', '/admin/v1/Account/', {
      name: 'Findable',
      email,
      data_region: 'us',
      account_type: 'developer',
      billing_mode: 'postpaid',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      message: 'created',
      auth_id: expect.stringMatching(/^MA[A-Z0-9]{18}$/),
      auth_token: expect.stringMatching(/^[A-Za-z0-9]{40}$/),
    });
    expect(created.body.account).toMatchObject({ email, data_region: 'us', account_type: 'developer', billing_mode: 'postpaid', status: 'active' });

    const found = await admin('GET', `/admin/v1/Account/?email=${encodeURIComponent(email)}`);
    expect(found.body.objects).toEqual([expect.objectContaining({ auth_id: created.body.auth_id })]);
    expect(found.body.meta).toMatchObject({ total_count: 1, limit: 20, offset: 0 });
    expect((await admin('GET', `/admin/v1/Account/${created.body.auth_id}/`)).body).toMatchObject({ name: 'Findable', status: 'active' });
    expect((await admin('GET', '/admin/v1/Account/MANOSUCHACCOUNT00000/')).status).toBe(404);

    expect((await admin('POST', '/admin/v1/Account/', { name: 'Dup', email, data_region: 'us' })).status).toBe(409);
    const badRegion = await admin('POST', '/admin/v1/Account/', { name: 'X', email: `x-${randomUUID()}@example.com`, data_region: 'eu' });
    expect(badRegion).toMatchObject({ status: 400, body: { error: expect.stringMatching(/data_region: must be one of us, in/) } });
    expect((await admin('POST', '/admin/v1/Account/', { name: 'X', email: 'nope', data_region: 'us' })).status).toBe(400);
  });

  it('keeps an India-region account to Indian numbers, with a clear 403', async () => {
    const account = await openAccount({ data_region: 'in' });
    const api = apiClient(baseUrl, account.authId, account.token);
    const abroad = await api('POST', `/v1/Account/${account.authId}/Verify/Session/`, { recipient: newRecipient() });
    expect(abroad.status).toBe(403);
    expect(abroad.body.error).toMatch(/India data region.*Indian numbers/);
    expect((await api('POST', `/v1/Account/${account.authId}/Verify/Session/`, { recipient: indianMobile() })).status).toBe(202);
    // Its subaccounts live in the same region.
    const sub = await api('POST', `/v1/Account/${account.authId}/Subaccount/`, { name: 'Sub', enabled: true });
    const asSub = apiClient(baseUrl, sub.body.auth_id as string, sub.body.auth_token as string);
    expect((await asSub('POST', `/v1/Account/${sub.body.auth_id}/Verify/Session/`, { recipient: newRecipient() })).status).toBe(403);
  });

  it('refuses every call of a suspended account and its subaccounts with a 403 saying so, until reactivated', async () => {
    const account = await openAccount();
    const api = apiClient(baseUrl, account.authId, account.token);
    const sub = await api('POST', `/v1/Account/${account.authId}/Subaccount/`, { name: 'Sub', enabled: true });
    const asSub = apiClient(baseUrl, sub.body.auth_id as string, sub.body.auth_token as string);
    expect((await api('GET', `/v1/Account/${account.authId}/`)).status).toBe(200);
    expect((await asSub('GET', `/v1/Account/${sub.body.auth_id}/`)).status).toBe(200);

    expect((await admin('POST', `/admin/v1/Account/${account.authId}/Suspend/`)).status).toBe(202);
    for (const [method, path] of [
      ['GET', '/'],
      ['POST', '/Verify/Session/'],
      ['GET', '/Subaccount/'],
    ]) {
      const res = await api(method, `/v1/Account/${account.authId}${path}`, method === 'POST' ? { recipient: newRecipient() } : undefined);
      expect({ path, status: res.status, error: res.body.error }).toEqual({ path, status: 403, error: expect.stringMatching(/this account is suspended/) });
    }
    const subRes = await asSub('GET', `/v1/Account/${sub.body.auth_id}/`);
    expect(subRes).toMatchObject({ status: 403, body: { error: expect.stringMatching(/main account of this subaccount is suspended/) } });

    expect((await admin('POST', `/admin/v1/Account/${account.authId}/Reactivate/`)).status).toBe(202);
    expect((await api('GET', `/v1/Account/${account.authId}/`)).status).toBe(200);
    expect((await asSub('GET', `/v1/Account/${sub.body.auth_id}/`)).status).toBe(200);
  });

  it('closes irreversibly: credentials stop at once and verify deletes the data of the account and its subaccounts', async () => {
    const account = await openAccount();
    const api = apiClient(baseUrl, account.authId, account.token);
    const sub = await api('POST', `/v1/Account/${account.authId}/Subaccount/`, { name: 'Sub', enabled: true });
    const asSub = apiClient(baseUrl, sub.body.auth_id as string, sub.body.auth_token as string);
    expect((await api('POST', `/v1/Account/${account.authId}/Verify/Session/`, { recipient: newRecipient() })).status).toBe(202);
    expect((await asSub('POST', `/v1/Account/${sub.body.auth_id}/Verify/Session/`, { recipient: newRecipient() })).status).toBe(202);

    const closed = await admin('POST', `/admin/v1/Account/${account.authId}/Close/`);
    expect(closed).toMatchObject({ status: 202, body: { message: 'closed' } });
    expect((await api('GET', `/v1/Account/${account.authId}/`)).status).toBe(401);
    expect((await asSub('GET', `/v1/Account/${sub.body.auth_id}/`)).status).toBe(401);
    expect((await admin('POST', `/admin/v1/Account/${account.authId}/Close/`)).status).toBe(409);
    expect((await admin('POST', `/admin/v1/Account/${account.authId}/Reactivate/`)).status).toBe(409);
    expect((await admin('GET', `/admin/v1/Account/${account.authId}/`)).body).toMatchObject({ status: 'closed', closed_at: expect.any(String) });

    const db = new pg.Client({ connectionString: env.DATABASE_URL });
    await db.connect();
    try {
      const held = async () =>
        (
          await db.query(
            `SELECT (SELECT count(*) FROM verify.sessions WHERE main_account_id = $1) + (SELECT count(*) FROM verify.apps WHERE main_account_id = $1)
               + (SELECT count(*) FROM verify.dev_outbox WHERE main_account_id = $1) AS n`,
            [account.authId],
          )
        ).rows[0].n;
      const until = Date.now() + 10_000;
      while (Number(await held()) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect(Number(await held())).toBe(0);
    } finally {
      await db.end();
    }
  });
});
