import { apiClient, eventually, type TestAccount } from '@signet/testing';
import { bootStack, baseUrl, newAccount, newRecipient } from './support/stack.js';
import { codeIn, outboxMessages } from './support/outbox.js';

/** Raw HTTP as curl sends it: the envelope, lenient bodies and every client mistake as a clear 4xx. */
describe('Verify over raw HTTP', () => {
  let stack: Awaited<ReturnType<typeof bootStack>>;
  let account: TestAccount;
  let api: ReturnType<typeof apiClient>;
  let sessions: string;

  beforeAll(async () => {
    stack = await bootStack();
    account = await newAccount();
    api = apiClient(baseUrl, account.authId, account.token);
    sessions = `/v1/Account/${account.authId}/Verify/Session/`;
  }, 90_000);
  afterAll(() => stack?.stop());

  const expectError = (res: { status: number; body: Record<string, unknown> }, status: number, message: RegExp) => {
    expect(res.status).toBe(status);
    expect(res.body.api_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof res.body.error).toBe('string');
    expect(res.body.error).toMatch(message);
  };

  it.each([
    ['missing recipient', {}, /recipient/],
    ['an invalid number', { recipient: '12345' }, /invalid recipient/],
    ['letters for a number', { recipient: 'call me' }, /invalid recipient/],
    ['code_length 3', { recipient: '+14155550100', code_length: 3 }, /code_length: must be 4 to 8/],
    ['code_length 9', { recipient: '+14155550100', code_length: '9' }, /code_length/],
    ['an unknown channel', { recipient: '+14155550100', channel: 'fax' }, /channel: must be one of sms, voice/],
    ['a bad callback method', { recipient: '+14155550100', url: 'https://example.com/cb', method: 'PUT' }, /method/],
    ['a callback that is not a URL', { recipient: '+14155550100', url: 'not a url' }, /url/],
    ['an app_uuid that is not a UUID', { recipient: '+14155550100', app_uuid: 'nope' }, /app_uuid/],
  ])('refuses %s with a 400', async (_what, body, message) => {
    expectError(await api('POST', sessions, body), 400, message);
  });

  it('refuses malformed JSON and a non-object body with a 400', async () => {
    expectError(await api('POST', sessions, '{"recipient": '), 400, /malformed JSON/);
    expectError(await api('POST', sessions, '[1,2]'), 400, /JSON object/);
  });

  it('takes the lenient shapes the SDKs send: "" bodies, nulls, numbers as strings, OTP in capitals, // paths', async () => {
    expect((await api('GET', sessions, '""')).status).toBe(200);
    const recipient = newRecipient();
    const created = await api('POST', sessions.replace('/Session/', '//Session//'), {
      recipient: recipient.slice(1),
      app_uuid: null,
      code_length: '4',
      unknown: 1,
    });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ message: 'Session initiated' });
    const [sms] = await outboxMessages(account, recipient);
    expect(codeIn(sms.text)).toHaveLength(4);
    const validated = await api('POST', `${sessions}${created.body.session_uuid}/`, { OTP: codeIn(sms.text) });
    expect(validated).toMatchObject({ status: 200, body: { api_id: expect.any(String), message: 'session validated successfully.' } });
  });

  it('answers 405 for a wrong method and 404 for unknown paths and sessions', async () => {
    const wrong = await api('DELETE', sessions);
    expectError(wrong, 405, /not allowed/);
    expect(wrong.headers.allow).toBe('POST, GET');
    expectError(await api('GET', `/v1/Account/${account.authId}/Nothing/`), 404, /not found/);
    expectError(await api('GET', `${sessions}00000000-0000-4000-8000-000000000000/`), 404, /session not found/);
    expectError(await api('GET', `${sessions}not-a-uuid/`), 404, /session not found/);
  });

  it("keeps accounts apart: another account id in the path is a 401, another account's session a 404", async () => {
    const other = await newAccount();
    const otherApi = apiClient(baseUrl, other.authId, other.token);
    const mine = await api('POST', sessions, { recipient: newRecipient() });
    expectError(await otherApi('GET', `${sessions}${mine.body.session_uuid}/`), 401, /authentication failed/);
    expectError(await otherApi('GET', `/v1/Account/${other.authId}/Verify/Session/${mine.body.session_uuid}/`), 404, /session not found/);
    expectError(await otherApi('POST', `/v1/Account/${other.authId}/Verify/Session/${mine.body.session_uuid}/`, { otp: '123456' }), 404, /session not found/);
  });

  it('refuses missing and wrong credentials with a 401', async () => {
    const res = await fetch(`${baseUrl}${sessions}`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: expect.stringMatching(/authentication failed/) });
    const wrong = apiClient(baseUrl, account.authId, 'x'.repeat(40));
    expectError(await wrong('GET', sessions), 401, /authentication failed/);
  });

  it('gives distinct errors for wrong, exhausted, verified and expired', async () => {
    const app = await api('POST', `/v1/Account/${account.authId}/Verify/App/`, { name: 'short', otp_expiry: 5, max_validation_attempts: 2 });
    expect(app.status).toBe(201);
    const appUuid = app.body.app_uuid as string;

    const exhausted = await api('POST', sessions, { recipient: newRecipient(), app_uuid: appUuid });
    const path = `${sessions}${exhausted.body.session_uuid}/`;
    expectError(await api('POST', path, { otp: 'abcdef' }), 400, /invalid OTP/);
    expectError(await api('POST', path, { otp: 'abcdef' }), 400, /invalid OTP/);
    expectError(await api('POST', path, { otp: 'abcdef' }), 400, /maximum validation attempts \(2\)/);
    expectError(await api('POST', path, {}), 400, /otp/);

    const recipient = newRecipient();
    const expiring = await api('POST', sessions, { recipient, app_uuid: appUuid });
    const expiringPath = `${sessions}${expiring.body.session_uuid}/`;
    const [sms] = await outboxMessages(account, recipient);
    const createdAt = Date.parse((await api('GET', expiringPath)).body.created_at as string);
    // Expired within a second of its expiry time, by the queue's delayed job (the sweep is the safety net).
    // Bounded: an expiry that never comes fails here within 8 s, not at jest's timeout.
    let status = 'in-progress';
    await eventually(async () => (status = (await api('GET', expiringPath)).body.status as string) !== 'in-progress', 8000);
    expect(status).toBe('expired');
    expect(Date.now() - createdAt).toBeLessThan(6500);
    expectError(await api('POST', expiringPath, { otp: codeIn(sms.text) }), 400, /expired/);
    const stored = await api('GET', expiringPath);
    expect(Date.parse(stored.body.updated_at as string) - createdAt).toBeLessThan(6000);
  });

  it('refuses a channel the app has switched off, and caps delivery attempts', async () => {
    const app = await api('POST', `/v1/Account/${account.authId}/Verify/App/`, { name: 'sms only', voice_channel: false, otp_attempts: 2 });
    const appUuid = app.body.app_uuid;
    const recipient = newRecipient();
    expectError(await api('POST', sessions, { recipient, app_uuid: appUuid, channel: 'voice' }), 400, /voice channel is disabled/);
    expect((await api('POST', sessions, { recipient, app_uuid: appUuid })).status).toBe(202);
    expect((await api('POST', sessions, { recipient, app_uuid: appUuid })).status).toBe(202);
    expectError(await api('POST', sessions, { recipient, app_uuid: appUuid }), 400, /all 2 delivery attempts/);
  });

  it('limits the session list to 20 requests a minute per account', async () => {
    const fresh = await newAccount();
    const freshApi = apiClient(baseUrl, fresh.authId, fresh.token);
    const path = `/v1/Account/${fresh.authId}/Verify/Session/`;
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await freshApi('GET', path)).status);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expectError(await freshApi('GET', path), 429, /too many requests/);
    // Other accounts are not affected.
    expect((await api('GET', sessions)).status).toBe(200);
  });

  it('validates list filters', async () => {
    expectError(await api('GET', `${sessions}?limit=21`), 400, /limit/);
    expectError(await api('GET', `${sessions}?status=done`), 400, /status/);
    expectError(await api('GET', `${sessions}?session_time__gt=2024-13-45%2010:00`), 400, /session_time__gt/);
  });
});
