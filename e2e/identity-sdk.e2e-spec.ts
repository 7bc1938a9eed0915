import plivo from 'plivo';
import { apiClient, type TestAccount } from '@signet/testing';
import { openAccount } from './support/admin.js';
import { bootStack, baseUrl, newRecipient } from './support/stack.js';

// The official Plivo Node SDK, pointed at the gateway by changing only its base URL.
const sdkFor = (a: TestAccount) => new plivo.Client(a.authId, a.token, { url: `${baseUrl}/v1/Account/${a.authId}` });

// At run time list() resolves to an array of subaccounts with a `meta` property.
interface SubaccountList extends Array<{ authId: string; name: string }> {
  meta: { limit: number; offset: number; next: string | null; previous: string | null; totalCount: number };
}
interface SessionList {
  sessions: { sessionUuid: string }[];
}

describe('accounts and subaccounts through the official plivo SDK', () => {
  let stack: Awaited<ReturnType<typeof bootStack>>;
  let main: TestAccount;
  let sdk: ReturnType<typeof sdkFor>;

  beforeAll(async () => {
    stack = await bootStack();
    main = await openAccount({ cash_credits: '1.809' });
    sdk = sdkFor(main);
  }, 90_000);
  afterAll(() => stack?.stop());

  it('reads and changes the account', async () => {
    const account = await sdk.accounts.get();
    expect(account).toMatchObject({
      accountType: 'standard',
      billingMode: 'prepaid',
      cashCredits: '1.80900',
      name: 'E2E Co',
      resourceUri: `/v1/Account/${main.authId}/`,
      autoRecharge: false,
      timezone: 'UTC',
    });
    expect(account.apiId).toMatch(/^[0-9a-f-]{36}$/);
    const changed = await sdk.accounts.update({ name: 'Renamed Co', city: 'Pune', address: '1 Main St' });
    expect(changed.message).toBe('changed');
    expect(await sdk.accounts.get()).toMatchObject({ name: 'Renamed Co', city: 'Pune', address: '1 Main St' });
  });

  it('creates, reads, lists, updates and deletes subaccounts', async () => {
    const first = await sdk.subaccounts.create('Team A', true);
    expect(first).toMatchObject({
      message: 'created',
      authId: expect.stringMatching(/^SA[A-Z0-9]{18}$/),
      authToken: expect.stringMatching(/^[A-Za-z0-9]{40}$/),
    });
    const second = await sdk.subaccounts.create('Team B', false);

    const got = await sdk.subaccounts.get(first.authId);
    expect(got).toMatchObject({
      account: `/v1/Account/${main.authId}/`,
      authId: first.authId,
      authToken: first.authToken,
      enabled: true,
      modified: null,
      name: 'Team A',
      resourceUri: `/v1/Account/${main.authId}/Subaccount/${first.authId}/`,
    });
    expect(got.created).toMatch(/^\d{4}-\d\d-\d\d$/);

    const listed = (await sdk.subaccounts.list({ limit: 1, offset: 0 })) as unknown as SubaccountList;
    expect(listed.map((s) => s.authId)).toEqual([second.authId]);
    expect(listed.meta).toMatchObject({ limit: 1, offset: 0, totalCount: 2, previous: null });
    expect(listed.meta.next).toContain('offset=1');

    const updated = await sdk.subaccounts.update(second.authId, 'Team B2', true);
    expect(updated.message).toBe('changed');
    expect(await sdk.subaccounts.get(second.authId)).toMatchObject({ name: 'Team B2', enabled: true, modified: expect.stringMatching(/^\d{4}-/) });

    await expect(sdk.subaccounts.delete(second.authId, true)).resolves.toBe(true);
    await expect(sdk.subaccounts.get(second.authId)).rejects.toThrow(/subaccount not found/);
  });

  it('a subaccount verifies with its own credentials; its main account sees and filters it; siblings see nothing', async () => {
    const a = await sdk.subaccounts.create('Sessions A', true);
    const b = await sdk.subaccounts.create('Sessions B', true);
    const subA = sdkFor({ authId: a.authId, token: a.authToken });
    const subB = sdkFor({ authId: b.authId, token: b.authToken });

    const recipient = newRecipient();
    const created = await subA.verify_session.create({ recipient });
    expect(created.message).toBe('Session initiated');
    await expect(subA.verify_session.get(created.sessionUuid)).resolves.toMatchObject({ sessionUuid: created.sessionUuid });
    await expect(subB.verify_session.get(created.sessionUuid)).rejects.toThrow(/session not found/);
    await expect(sdk.verify_session.get(created.sessionUuid)).resolves.toMatchObject({ sessionUuid: created.sessionUuid });

    const ownB = await subB.verify_session.create({ recipient: newRecipient() });
    const mainList = (await sdk.verify_session.list({ subaccount: a.authId })) as unknown as SessionList;
    expect(mainList.sessions.map((s) => s.sessionUuid)).toEqual([created.sessionUuid]);
    const bList = (await subB.verify_session.list({})) as unknown as SessionList;
    expect(bList.sessions.map((s) => s.sessionUuid)).toEqual([ownB.sessionUuid]);

    // A subaccount's credentials cannot reach its main account's or a sibling's resources.
    const asA = apiClient(baseUrl, a.authId, a.authToken);
    expect((await asA('GET', `/v1/Account/${main.authId}/`)).status).toBe(401);
    expect((await asA('GET', `/v1/Account/${a.authId}/Subaccount/${b.authId}/`)).status).toBe(404);
    expect((await asA('GET', `/v1/Account/${a.authId}/Subaccount/`)).status).toBe(403);

    // Deleted without cascade, the subaccount's sessions stay with the main account; its credentials stop at once.
    await sdk.subaccounts.delete(a.authId, false);
    await expect(subA.verify_session.get(created.sessionUuid)).rejects.toThrow(/authentication failed/);
    const until = Date.now() + 5000;
    let kept: SessionList = { sessions: [] };
    while (Date.now() < until) {
      kept = (await sdk.verify_session.list({ recipient })) as unknown as SessionList;
      if (kept.sessions.length === 1) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(kept.sessions.map((s) => s.sessionUuid)).toEqual([created.sessionUuid]);
  });

  it('refuses a disabled subaccount with a 401', async () => {
    const sub = await sdk.subaccounts.create('Dormant', false);
    const api = apiClient(baseUrl, sub.authId, sub.authToken);
    const res = await api('GET', `/v1/Account/${sub.authId}/`);
    expect(res.status).toBe(401);
    expect(res.body.error).toMatch(/subaccount is disabled/);
    await sdk.subaccounts.update(sub.authId, 'Dormant', true);
    expect((await api('GET', `/v1/Account/${sub.authId}/`)).status).toBe(200);
  });

  it('answers bad input with the right 4xx and the Plivo envelope', async () => {
    const api = apiClient(baseUrl, main.authId, main.token);
    const root = `/v1/Account/${main.authId}`;
    const other = await openAccount();
    const othersSub = await apiClient(baseUrl, other.authId, other.token)('POST', `/v1/Account/${other.authId}/Subaccount/`, { name: 'Theirs' });

    const cases: [string, string, unknown, number, RegExp][] = [
      ['POST', `${root}/Subaccount/`, { name: 'x'.repeat(101) }, 400, /name: must be at most 100 characters/],
      ['POST', `${root}/Subaccount/`, { name: 'ok', enabled: 'maybe' }, 400, /enabled: must be true or false/],
      ['POST', `${root}/Subaccount/`, {}, 400, /name/],
      ['POST', `${root}/`, { name: 'y'.repeat(101) }, 400, /name: must be at most 100 characters/],
      ['POST', `${root}/`, { data_region: 'in' }, 400, /data_region: cannot be changed/],
      ['POST', `${root}/IpWhitelist/`, { cidr: 'not-a-cidr' }, 400, /cidr: must be an IPv4 or IPv6 CIDR/],
      ['POST', `${root}/IpWhitelist/`, { cidr: '10.0.0.0/33' }, 400, /cidr: must be an IPv4 or IPv6 CIDR/],
      ['POST', `${root}/IpWhitelist/Settings/`, { enabled: 'maybe' }, 400, /enabled: must be true or false/],
      ['POST', `${root}/AuthToken/`, { expire_old: 'tomorrow' }, 400, /expire_old is required: immediately or 48h/],
      ['DELETE', `${root}/Subaccount/${othersSub.body.auth_id}/`, undefined, 404, /subaccount not found/],
      ['GET', `${root}/Subaccount/SANOSUCHSUBACCOUNT00/`, undefined, 404, /subaccount not found/],
      ['POST', `${root}/Subaccount/not-an-id/`, { name: 'x' }, 404, /subaccount not found/],
      ['DELETE', `${root}/IpWhitelist/00000000-0000-4000-8000-000000000000/`, undefined, 404, /IP whitelist entry not found/],
    ];
    for (const [method, path, body, status, error] of cases) {
      const res = await api(method, path, body);
      expect({ path, status: res.status, error: res.body.error }).toEqual({ path, status, error: expect.stringMatching(error) });
      expect(res.body.api_id).toMatch(/^[0-9a-f-]{36}$/);
    }
    // Their subaccount is untouched.
    const theirs = await apiClient(baseUrl, other.authId, other.token)('GET', `/v1/Account/${other.authId}/Subaccount/${othersSub.body.auth_id}/`);
    expect(theirs.status).toBe(200);
  });
});
