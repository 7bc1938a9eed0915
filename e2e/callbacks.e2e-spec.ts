import plivo from 'plivo';
import { apiClient, eventually, type TestAccount } from '@signet/testing';
import pg from 'pg';
// @ts-expect-error plain ESM helper shared with `npm start`
import { startStack, waitUntilReady } from '../tools/stack.mjs';
import { codeIn, outboxMessages } from './support/outbox.js';
import { Receiver, type Received } from './support/receiver.js';
import { baseUrl, env, newAccount, newRecipient } from './support/stack.js';

/** A fast schedule (4 tries) and a 1 s timeout so retries, failure and replay happen within the test. */
const stackEnv = { ...env, CALLBACKS_RETRY_SCHEDULE: '0,300ms,600ms,900ms', CALLBACKS_TIMEOUT_MS: '1000', CALLBACKS_SWEEP_INTERVAL_MS: '1000' };

interface CallbackLog {
  callback_uuid: string;
  status: string;
  event: string;
  fields: Record<string, string>;
  tries: { http_status: number | null; error: string | null; response: string | null; replay: boolean; latency_ms: number }[];
}

describe('Status callbacks through the gateway', () => {
  let stack: { stop(): Promise<void> };
  const receiver = new Receiver();
  let account: TestAccount;
  let api: ReturnType<typeof apiClient>;
  const path = (p: string) => `/v1/Account/${account.authId}${p}`;
  const log = async (a: ReturnType<typeof apiClient>, owner: string, session: string): Promise<CallbackLog[]> =>
    ((await a('GET', `/v1/Account/${owner}/Verify/Session/${session}/Callback/`)).body.callbacks ?? []) as CallbackLog[];

  beforeAll(async () => {
    await receiver.start();
    stack = startStack(stackEnv, { output: process.env.E2E_LOGS ? 'prefix' : 'silent' });
    await waitUntilReady(baseUrl, 60_000);
    account = await newAccount();
    api = apiClient(baseUrl, account.authId, account.token);
  }, 90_000);
  afterAll(async () => {
    await stack?.stop();
    await receiver.stop();
  });

  const verifySession = async (a: ReturnType<typeof apiClient>, owner: TestAccount, body: Record<string, unknown>) => {
    const recipient = newRecipient();
    const created = await a('POST', `/v1/Account/${owner.authId}/Verify/Session/`, { recipient, ...body });
    expect(created.status).toBe(202);
    const session = created.body.session_uuid as string;
    const [sms] = await outboxMessages(owner, recipient);
    expect((await a('POST', `/v1/Account/${owner.authId}/Verify/Session/${session}/`, { otp: codeIn(sms.text) })).status).toBe(200);
    return { session, recipient };
  };

  it('POSTs every attempt status and the session end, form-encoded and signed so the SDK validators accept them', async () => {
    const url = receiver.url('/status/post?tenant=acme');
    const { session, recipient } = await verifySession(api, account, { url, method: 'POST' });
    await eventually(async () => receiver.forSession(session).length >= 4, 10_000);
    const got = receiver.forSession(session);
    expect(got.map((r) => r.fields.ChannelStatus)).toEqual(expect.arrayContaining(['queued', 'sent', 'delivered']));
    expect(got.map((r) => r.fields.SessionStatus)).toContain('verified');
    for (const r of got) {
      expect(r.method).toBe('POST');
      expect(r.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(Object.keys(r.fields).sort()).toEqual([
        'AttemptSequence',
        'AttemptUUID',
        'Channel',
        'ChannelErrorCode',
        'ChannelStatus',
        'Recipient',
        'RequestTime',
        'SessionStatus',
        'SessionUUID',
      ]);
      expect(r.fields).toMatchObject({ AttemptSequence: '1', Channel: 'sms', Recipient: recipient.slice(1), SessionUUID: session });
      const h = r.headers as Record<string, string>;
      expect(plivo.validateV3Signature('POST', url, h['x-plivo-signature-v3-nonce'], account.token, h['x-plivo-signature-v3'], r.fields)).toBe(true);
      expect(plivo.validateV3Signature('POST', url, h['x-plivo-signature-v3-nonce'], account.token, h['x-plivo-signature-ma-v3'], r.fields)).toBe(true);
      expect(plivo.validateSignature(url, h['x-plivo-signature-v2-nonce'], h['x-plivo-signature-v2'], account.token)).toBe(true);
      expect(plivo.validateSignature(url, h['x-plivo-signature-v2-nonce'], h['x-plivo-signature-ma-v2'], account.token)).toBe(true);
      expect(plivo.validateV3Signature('POST', url, h['x-plivo-signature-v3-nonce'], 'x'.repeat(40), h['x-plivo-signature-v3'], r.fields)).toBe(false);
    }
    // Each callback carries a stable event id, its event time and its stream sequence (to order them).
    const ids = got.map((r) => r.headers['x-signet-event-id']);
    expect(new Set(ids).size).toBe(got.length);
    const ordered = [...got].sort((a, b) => Number(a.headers['x-signet-event-sequence']) - Number(b.headers['x-signet-event-sequence']));
    expect(ordered.map((r) => (r.fields.SessionStatus === 'verified' ? 'verified' : r.fields.ChannelStatus))).toEqual([
      'queued',
      'sent',
      'delivered',
      'verified',
    ]);

    const logged = await log(api, account.authId, session);
    expect(logged).toHaveLength(4);
    expect(logged.every((c) => c.status === 'delivered' && c.tries.length === 1 && c.tries[0].http_status === 200 && c.tries[0].response === 'ok')).toBe(true);
    expect(new Set(logged.map((c) => c.callback_uuid))).toEqual(new Set(ids));
  });

  it("GETs with the fields in the query for a subaccount's session: plain headers with its token, -Ma- with the main account's", async () => {
    const created = await api('POST', path('/Subaccount/'), { name: 'Callbacks sub', enabled: true });
    const sub: TestAccount = { authId: created.body.auth_id as string, token: created.body.auth_token as string };
    const subApi = apiClient(baseUrl, sub.authId, sub.token);
    const url = receiver.url('/Status/Get?b=2&a=1', 'LOCALHOST');
    const { session } = await verifySession(subApi, sub, { url, method: 'get' });
    await eventually(async () => receiver.forSession(session).length >= 4, 10_000);
    for (const r of receiver.forSession(session)) {
      expect(r.method).toBe('GET');
      const seen = `http://LOCALHOST:${receiver.port}${r.url}`;
      const h = r.headers as Record<string, string>;
      expect(plivo.validateV3Signature('GET', seen, h['x-plivo-signature-v3-nonce'], sub.token, h['x-plivo-signature-v3'])).toBe(true);
      expect(plivo.validateV3Signature('GET', seen, h['x-plivo-signature-v3-nonce'], account.token, h['x-plivo-signature-ma-v3'])).toBe(true);
      expect(plivo.validateV3Signature('GET', seen, h['x-plivo-signature-v3-nonce'], account.token, h['x-plivo-signature-v3'])).toBe(false);
      expect(plivo.validateSignature(seen, h['x-plivo-signature-v2-nonce'], h['x-plivo-signature-v2'], sub.token)).toBe(true);
      expect(plivo.validateSignature(seen, h['x-plivo-signature-v2-nonce'], h['x-plivo-signature-ma-v2'], account.token)).toBe(true);
    }
    // The main account sees its subaccount's callbacks; the subaccount sees them too; another account does not.
    expect(await log(api, account.authId, session)).toHaveLength(4);
    expect(await log(subApi, sub.authId, session)).toHaveLength(4);
    const other = await newAccount();
    const otherApi = apiClient(baseUrl, other.authId, other.token);
    expect(await log(otherApi, other.authId, session)).toEqual([]);
    const one = (await log(api, account.authId, session))[0].callback_uuid;
    const foreign = await otherApi('POST', `/v1/Account/${other.authId}/Verify/Callback/${one}/Retry/`);
    expect(foreign).toMatchObject({ status: 404, body: { error: 'callback not found' } });
  });

  it('retries a 500, a timeout and a refused connection on the schedule; 410 Gone stops at once', async () => {
    const calls = new Map<string, number>();
    receiver.behaviour = (r: Received) => {
      const key = `${r.url.split('?')[0]}:${r.headers['x-signet-event-id']}`;
      const n = (calls.get(key) ?? 0) + 1;
      calls.set(key, n);
      if (r.url.startsWith('/flaky')) return n <= 2 ? { status: 500, body: 'try later' } : { status: 204 };
      if (r.url.startsWith('/slow')) return n === 1 ? { status: 200, delayMs: 2500 } : { status: 200, body: 'fast now' };
      if (r.url.startsWith('/gone')) return { status: 410, body: 'unsubscribed' };
      return { status: 200, body: 'ok' };
    };
    const flaky = await verifySession(api, account, { url: receiver.url('/flaky') });
    const slow = await verifySession(api, account, { url: receiver.url('/slow') });
    const gone = await verifySession(api, account, { url: receiver.url('/gone') });
    await eventually(async () => (await log(api, account.authId, flaky.session)).every((c) => c.status === 'delivered'), 15_000);
    const flakyLog = await log(api, account.authId, flaky.session);
    expect(flakyLog).toHaveLength(4);
    for (const c of flakyLog) expect(c.tries.map((t) => t.http_status)).toEqual([500, 500, 204]);
    expect(flakyLog[0].tries[0].response).toBe('try later');

    await eventually(async () => (await log(api, account.authId, slow.session)).every((c) => c.status === 'delivered'), 15_000);
    for (const c of await log(api, account.authId, slow.session)) {
      expect(c.tries[0]).toMatchObject({ http_status: null, error: 'timed out after 1000 ms' });
      expect(c.tries[1]).toMatchObject({ http_status: 200, response: 'fast now' });
    }

    await eventually(async () => (await log(api, account.authId, gone.session)).every((c) => c.status === 'gone'), 10_000);
    await new Promise((r) => setTimeout(r, 1500));
    for (const c of await log(api, account.authId, gone.session)) expect(c.tries.map((t) => t.http_status)).toEqual([410]);
  }, 60_000);

  it('fails after the last try of the schedule; Retry/ sends one again now, Callback/Retry/ re-sends every failed one in a window', async () => {
    let down = true;
    receiver.behaviour = () => (down ? { status: 503, body: 'down' } : { status: 200, body: 'back' });
    const started = new Date(Date.now() - 1000).toISOString();
    const a = await verifySession(api, account, { url: receiver.url('/down-a') });
    const b = await verifySession(api, account, { url: receiver.url('/down-b') });
    for (const s of [a, b]) await eventually(async () => (await log(api, account.authId, s.session)).every((c) => c.status === 'failed'), 15_000);
    for (const c of await log(api, account.authId, a.session)) expect(c.tries.map((t) => t.http_status)).toEqual([503, 503, 503, 503]);

    down = false;
    const one = (await log(api, account.authId, a.session))[0];
    const retried = await api('POST', path(`/Verify/Callback/${one.callback_uuid}/Retry/`));
    expect(retried).toMatchObject({ status: 202, body: { callback_uuid: one.callback_uuid } });
    await eventually(async () => (await log(api, account.authId, a.session)).find((c) => c.callback_uuid === one.callback_uuid)?.status === 'delivered', 5000);
    const after = (await log(api, account.authId, a.session)).find((c) => c.callback_uuid === one.callback_uuid)!;
    expect(after.tries.map((t) => [t.http_status, t.replay])).toEqual([
      [503, false],
      [503, false],
      [503, false],
      [503, false],
      [200, true],
    ]);

    const bulk = await api('POST', path('/Verify/Callback/Retry/'), { status: 'failed', from: started, to: new Date(Date.now() + 1000).toISOString() });
    expect(bulk).toMatchObject({ status: 202, body: { count: 7 } });
    for (const s of [a, b]) await eventually(async () => (await log(api, account.authId, s.session)).every((c) => c.status === 'delivered'), 10_000);

    const bad = await api('POST', path('/Verify/Callback/Retry/'), { status: 'delivered', from: started, to: started });
    expect(bad.status).toBe(400);
    expect((await api('POST', path('/Verify/Callback/not-a-uuid/Retry/'))).status).toBe(404);
  }, 60_000);

  it('refuses at create time a callback URL that is not http(s) or points at a metadata address, and never sends to one', async () => {
    for (const url of ['ftp://example.com/cb', 'http://169.254.169.254/latest/meta-data/', 'http://[::ffff:169.254.169.254]/', 'http://0xa9fea9fe/']) {
      const res = await api('POST', path('/Verify/Session/'), { recipient: newRecipient(), url });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(/url/);
    }
  });

  it('keeps callbacks only in its own schema, one row per event', async () => {
    const db = new pg.Client({ connectionString: env.DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT count(*)::int AS n, count(DISTINCT uuid)::int AS d FROM callbacks.callbacks WHERE main_account_id = $1`, [
        account.authId,
      ]);
      expect(rows[0].n).toBeGreaterThan(0);
      expect(rows[0].n).toBe(rows[0].d);
    } finally {
      await db.end();
    }
  });
});
