import plivo from 'plivo';
import { apiClient, eventually, type TestAccount } from '@signet/testing';
// @ts-expect-error plain ESM helper shared with the benchmarks
import { startGateway } from '../tools/stack.mjs';
import { codeIn, outboxMessages } from './support/outbox.js';
import { Receiver } from './support/receiver.js';
import { baseUrl, bootStack, env, newAccount, newRecipient } from './support/stack.js';

// Abuse controls end to end through the gateway: geo permissions, Fraud Shield, rate limits, the Summary.
const sdkFor = (a: TestAccount) => new plivo.Client(a.authId, a.token, { url: `${baseUrl}/v1/Account/${a.authId}` });
/**
 * The SDK raises GeoPermissionError for a 403 to a POST …/Session/. Its Babel-compiled Error subclasses come out as
 * plain Errors (no class to check), but only its PlivoRestError family carries `status` and `apiID`: any other 403
 * would be a bare `Error` without them.
 */
const geoRefusal = async (call: Promise<unknown>): Promise<Error> => {
  const err = await call.then(
    () => undefined,
    (e: Error) => e,
  );
  expect(err).toMatchObject({ status: 403, apiID: expect.any(String), message: expect.stringMatching(/^geo permission denied/) });
  return err!;
};
const CUBA = '+5351234567';
const INDIA = '+919812345678';
let block = 200 + Math.floor(Math.random() * 700);
/** `count` numbers of one fresh number range (one 10 000-number block: +1 512 NNN xxxx). */
const rangeNumbers = (count: number): string[] => {
  const prefix = `+1512${block++}`;
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
};

describe('Verify abuse controls', () => {
  let stack: Awaited<ReturnType<typeof bootStack>>;
  const receiver = new Receiver();

  beforeAll(async () => {
    stack = await bootStack();
    await receiver.start();
  }, 90_000);
  afterAll(async () => {
    await receiver.stop();
    await stack?.stop();
  });

  const clientOf = (a: TestAccount, url = baseUrl) => {
    const call = apiClient(url, a.authId, a.token);
    return (method: string, path: string, body?: unknown) => call(method, `/v1/Account/${a.authId}${path}`, body);
  };
  const credits = async (a: TestAccount) => (await clientOf(a)('GET', '/')).body.cash_credits;

  it('refuses a disallowed country with 403 (GeoPermissionError in the SDK): nothing sent, nothing charged', async () => {
    const account = await newAccount();
    const api = clientOf(account);
    const before = await credits(account);
    // New accounts: everything but the shipped high-risk list (Cuba is on it).
    const initial = await api('GET', '/Verify/GeoPermission/');
    expect(initial.status).toBe(200);
    expect(initial.body.sms).toEqual(expect.arrayContaining(['US', 'IN']));
    expect(initial.body.sms).not.toContain('CU');
    expect((await geoRefusal(sdkFor(account).verify_session.create({ recipient: CUBA }))).message).toMatch(/sms to CU is not allowed/);

    // SMS narrowed to the US; voice keeps its list.
    const set = await api('POST', '/Verify/GeoPermission/', { sms: ['us'] });
    expect(set.status).toBe(200);
    expect(set.body.sms).toEqual(['US']);
    expect(set.body.voice).toEqual(initial.body.voice);
    expect((await api('GET', '/Verify/GeoPermission/')).body.sms).toEqual(['US']);
    await geoRefusal(sdkFor(account).verify_session.create({ recipient: INDIA }));
    const refused = await api('POST', '/Verify/Session/', { recipient: INDIA });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/geo permission/);
    expect(await credits(account)).toBe(before);
    expect((await api('GET', `/Verify/Session/?recipient=${INDIA.slice(1)}`)).body.sessions).toEqual([]);
    expect((await apiClient(baseUrl, account.authId, account.token)('GET', `/dev/outbox?recipient=${encodeURIComponent(INDIA)}`)).body.messages).toEqual([]);

    expect((await api('POST', '/Verify/Session/', { recipient: INDIA, channel: 'voice' })).status).toBe(202);
    expect((await api('POST', '/Verify/GeoPermission/', { sms: ['US', 'XX'] })).body.error).toBe('sms: unknown country code XX');
    expect((await api('POST', '/Verify/GeoPermission/', { fax: ['US'] })).status).toBe(400);
  });

  it("a subaccount inherits its main account's lists and may narrow them, never widen", async () => {
    const main = await newAccount();
    const mainApi = clientOf(main);
    const created = await mainApi('POST', '/Subaccount/', { name: 'Geo sub', enabled: true });
    const sub: TestAccount = { authId: created.body.auth_id as string, token: created.body.auth_token as string };
    const subApi = clientOf(sub);
    await mainApi('POST', '/Verify/GeoPermission/', { sms: ['US', 'IN'] });
    expect((await subApi('GET', '/Verify/GeoPermission/')).body.sms).toEqual(['IN', 'US']);
    const widen = await subApi('POST', '/Verify/GeoPermission/', { sms: ['US', 'GB'] });
    expect(widen.status).toBe(400);
    expect(widen.body.error).toMatch(/GB is not allowed by the main account/);
    expect((await subApi('POST', '/Verify/GeoPermission/', { sms: ['US'] })).body.sms).toEqual(['US']);
    await geoRefusal(sdkFor(sub).verify_session.create({ recipient: INDIA }));
    expect((await mainApi('POST', '/Verify/Session/', { recipient: INDIA })).status).toBe(202);
    // The main account narrowing later narrows the subaccount too.
    await mainApi('POST', '/Verify/GeoPermission/', { sms: ['IN'] });
    expect((await subApi('GET', '/Verify/GeoPermission/')).body.sms).toEqual([]);
  });

  it('blocks a pumping burst to one range with 452 (never sent or charged) while other ranges and countries go on; fraud_check skip passes', async () => {
    const account = await newAccount();
    const api = clientOf(account);
    const url = receiver.url('/fraud');
    const burst = rangeNumbers(25);
    const sessions: string[] = [];
    for (const recipient of burst) {
      const res = await api('POST', '/Verify/Session/', { recipient, url });
      expect(res.status).toBe(202);
      sessions.push(res.body.session_uuid as string);
      // Ordinary traffic interleaved with the burst: another range of the same country, and another country.
      expect((await api('POST', '/Verify/Session/', { recipient: newRecipient() })).status).toBe(202);
    }
    const other = await api('POST', '/Verify/Session/', { recipient: INDIA });
    expect(other.status).toBe(202);

    const views = await Promise.all(sessions.map(async (s) => (await api('GET', `/Verify/Session/${s}/`)).body));
    const statuses = views.map((v) => (v.attempt_details as { status: string }[])[0].status);
    // medium (the default): 20 sends to the range in 10 minutes, then the block.
    expect(statuses.slice(20)).toEqual(Array(5).fill('failed'));
    expect(statuses.slice(0, 20)).not.toContain('failed');
    for (const v of views.slice(20)) expect(v.charges).toMatchObject({ total_charge: '0.00000' });
    const blockedAttempt = (views[24].attempt_details as { attempt_uuid: string }[])[0].attempt_uuid;
    expect((await api('GET', `/Verify/Attempt/${blockedAttempt}/`)).body.attempt).toMatchObject({ status: 'failed', error_code: '452', tries: [] });
    await eventually(async () => receiver.forSession(sessions[24]).some((r) => r.fields.ChannelStatus === 'failed'), 10_000);
    expect(receiver.forSession(sessions[24]).find((r) => r.fields.ChannelStatus === 'failed')!.fields.ChannelErrorCode).toBe('452');
    expect((await apiClient(baseUrl, account.authId, account.token)('GET', `/dev/outbox?recipient=${encodeURIComponent(burst[24])}`)).body.messages).toEqual(
      [],
    );
    await outboxMessages(account, INDIA);

    // A trusted user of the blocked range.
    const trusted = `${burst[0].slice(0, -4)}9999`;
    const skipped = await api('POST', '/Verify/Session/', { recipient: trusted, fraud_check: 'skip' });
    expect(skipped.status).toBe(202);
    await outboxMessages(account, trusted);
  });

  it('answers 429 past the per-recipient and programmable limits, across two gateway processes', async () => {
    const other = await startGateway(env, Number(env.GATEWAY_PORT) + 1);
    try {
      const account = await newAccount();
      const [a, b] = [clientOf(account), clientOf(account, other.url)];
      const app = await a('POST', '/Verify/App/', { name: 'limited', otp_attempts: 10, rate_limits: { end_user_ip: { max: 3, interval: 3600 } } });
      expect(app.status).toBe(201);
      expect(app.body.verify_app).toMatchObject({
        enable_fraudshield: true,
        fs_protection_level: 'medium',
        rate_limits: { end_user_ip: { max: 3, interval: 3600 } },
      });
      const app_uuid = app.body.app_uuid as string;

      const recipient = newRecipient();
      for (let i = 0; i < 5; i++) expect((await [a, b][i % 2]('POST', '/Verify/Session/', { recipient, app_uuid })).status).toBe(202);
      const sixth = await b('POST', '/Verify/Session/', { recipient, app_uuid });
      expect(sixth.status).toBe(429);
      expect(sixth.body.error).toMatch(/rate limit 'recipient' allows 5 sends per 600 seconds/);
      expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(500);

      const ip = { end_user_ip: '198.51.100.7' };
      for (let i = 0; i < 3; i++)
        expect((await [b, a][i % 2]('POST', '/Verify/Session/', { recipient: newRecipient(), app_uuid, rate_limits: ip })).status).toBe(202);
      const full = await a('POST', '/Verify/Session/', { recipient: newRecipient(), app_uuid, rate_limits: ip });
      expect(full.status).toBe(429);
      expect(full.body.error).toMatch(/rate limit 'end_user_ip' allows 3 sends per 3600 seconds/);
      expect(Number(full.headers['retry-after'])).toBeGreaterThan(3000);
      expect((await b('POST', '/Verify/Session/', { recipient: newRecipient(), app_uuid, rate_limits: { end_user_ip: '198.51.100.8' } })).status).toBe(202);
      const unknown = await b('POST', '/Verify/Session/', { recipient: newRecipient(), app_uuid, rate_limits: { device: 'x' } });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error).toMatch(/rate_limits.device/);
    } finally {
      await other.stop();
    }
  }, 60_000);

  it("summarises sessions, verifications, attempts and blocks; a main account sees its family's", async () => {
    const account = await newAccount();
    const api = clientOf(account);
    const app = await api('POST', '/Verify/App/', { name: 'strict', fs_protection_level: 'high' });
    const app_uuid = app.body.app_uuid as string;
    const range = rangeNumbers(11);
    for (const recipient of range) expect((await api('POST', '/Verify/Session/', { recipient, app_uuid })).status).toBe(202);
    const voice = newRecipient();
    expect((await api('POST', '/Verify/Session/', { recipient: voice, app_uuid, channel: 'voice' })).status).toBe(202);
    expect((await api('POST', '/Verify/Session/', { recipient: CUBA, app_uuid })).status).toBe(403);
    for (const recipient of range.slice(0, 2)) {
      const [sms] = await outboxMessages(account, recipient);
      expect((await api('POST', `/Verify/Session/${sms.session_uuid}/`, { otp: codeIn(sms.text) })).status).toBe(200);
    }
    const sub = await api('POST', '/Subaccount/', { name: 'Summary sub', enabled: true });
    const subApi = clientOf({ authId: sub.body.auth_id as string, token: sub.body.auth_token as string });
    expect((await subApi('POST', '/Verify/Session/', { recipient: newRecipient() })).status).toBe(202);

    const summary = await api('GET', `/Verify/Summary/?app_uuid=${app_uuid}`);
    expect(summary.status).toBe(200);
    expect(summary.body).toEqual({
      api_id: expect.any(String),
      sessions_started: 12,
      sessions_verified: 2,
      conversion_rate: 0.1667,
      attempts: { sms: 11, voice: 1 },
      blocked: { geo_permission: 1, fraud_shield: 1 },
    });
    expect((await api('GET', '/Verify/Summary/')).body).toMatchObject({ sessions_started: 13, attempts: { sms: 12, voice: 1 } });
    expect((await subApi('GET', '/Verify/Summary/')).body).toMatchObject({ sessions_started: 1, blocked: { geo_permission: 0, fraud_shield: 0 } });
    expect((await api('GET', '/Verify/Summary/?channel=voice')).body).toMatchObject({ sessions_started: 1, attempts: { sms: 0, voice: 1 } });
    expect((await api('GET', '/Verify/Summary/?country=CU')).body).toMatchObject({ sessions_started: 0, blocked: { geo_permission: 1 } });
    expect((await api('GET', '/Verify/Summary/?start_time=2999-01-01')).body).toMatchObject({ sessions_started: 0, conversion_rate: 0 });
    expect((await api('GET', '/Verify/Summary/?channel=fax')).status).toBe(400);
  });
});
