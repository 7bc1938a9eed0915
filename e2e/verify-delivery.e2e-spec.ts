import plivo from 'plivo';
import { apiClient, eventually, FakePlivo, FakeTwilio, FakeVonage, type TestAccount } from '@signet/testing';
import { baseUrl, bootStack, env, newAccount, newRecipient } from './support/stack.js';

// Real delivery end to end: senders checked against the local vendor fakes, an app routing through them, the
// session created with the official plivo SDK, fallback, signed receipts and Plivo's answer_url through the gateway.
describe('OTP delivery through senders (Twilio, Plivo, Vonage fakes)', () => {
  const twilio = new FakeTwilio();
  const plivoFake = new FakePlivo();
  const vonage = new FakeVonage();
  let stack: Awaited<ReturnType<typeof bootStack>>;
  let account: TestAccount;
  let api: ReturnType<typeof apiClient>;
  let root: string;
  let twilioCreds: { account_sid: string; auth_token: string };
  let plivoCreds: { auth_id: string; auth_token: string };

  beforeAll(async () => {
    await Promise.all([twilio.start(), plivoFake.start(), vonage.start()]);
    Object.assign(env, {
      SIGNET_TWILIO_API_URL: twilio.url,
      SIGNET_PLIVO_API_URL: plivoFake.url,
      SIGNET_VONAGE_REST_URL: vonage.url,
      SIGNET_VONAGE_API_URL: vonage.url,
      SIGNET_PUBLIC_URL: baseUrl,
      VERIFY_PROVIDER_TIMEOUT_MS: '1000',
    });
    stack = await bootStack();
    account = await newAccount();
    api = apiClient(baseUrl, account.authId, account.token);
    root = `/v1/Account/${account.authId}/Verify`;
    twilioCreds = twilio.addAccount([
      { phone_number: '+14155550101', sms: true, voice: true },
      { phone_number: '+18005550102', sms: true, voice: false },
    ]);
    plivoCreds = plivoFake.addAccount([{ number: '14155550103', sms: true, voice: true }]);
  }, 90_000);
  afterAll(async () => {
    await stack?.stop();
    await Promise.all([twilio.stop(), plivoFake.stop(), vonage.stop()]);
  });

  const sdk = () => new plivo.Client(account.authId, account.token, { url: `${baseUrl}/v1/Account/${account.authId}` });

  async function attemptOf(sessionUuid: string): Promise<Record<string, any>> {
    let attempt: Record<string, any> = {};
    await eventually(async () => {
      const s = await api('GET', `${root}/Session/${sessionUuid}/`);
      const uuid = (s.body.attempt_details as { attempt_uuid: string }[])[0]?.attempt_uuid;
      attempt = (await api('GET', `${root}/Attempt/${uuid}/`)).body.attempt as Record<string, any>;
      return !!attempt && attempt.status !== 'queued';
    }, 8000);
    return attempt;
  }

  it('refuses bad credentials and provider accounts without numbers, and checks numbers against channels', async () => {
    const bad = await api('POST', `${root}/Sender/`, { name: 'x', provider: 'twilio', account_sid: twilioCreds.account_sid, auth_token: 'wrong' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/twilio refused the credentials/);
    const empty = twilio.addAccount([]);
    const none = await api('POST', `${root}/Sender/`, { name: 'x', provider: 'twilio', ...empty });
    expect(none.status).toBe(400);
    expect(none.body.error).toMatch(/no phone numbers/);
    const both = await api('POST', `${root}/Sender/`, {
      name: 'x',
      provider: 'twilio',
      ...twilioCreds,
      channels: ['sms', 'voice'],
      numbers: [{ number: '+18005550102', countries: ['US'] }],
    });
    expect(both.status).toBe(400);
    expect(both.body.error).toMatch(/\+18005550102 does not support voice/);
    const missing = await api('POST', `${root}/Sender/`, { name: 'x', provider: 'plivo', auth_id: plivoCreds.auth_id });
    expect(missing.status).toBe(400);
  });

  it('creates, reads (token masked), lists, refuses a token change, hides it from other accounts, and guards deletion', async () => {
    const created = await api('POST', `${root}/Sender/`, { name: 'Primary', provider: 'twilio', ...twilioCreds, numbers: [{ number: '+14155550101' }] });
    expect(created.status).toBe(201);
    const uuid = created.body.sender_uuid as string;
    expect(created.body.numbers).toEqual([
      { number: '+14155550101', type: 'local', sms: true, voice: true, selected: true, countries: [] },
      { number: '+18005550102', type: 'tollfree', sms: true, voice: false, selected: false, countries: [] },
    ]);
    const got = await api('GET', `${root}/Sender/${uuid}/`);
    expect(got.body.sender).toMatchObject({
      provider: 'twilio',
      credentials: { account_sid: twilioCreds.account_sid, auth_token: `${'*'.repeat(28)}${twilioCreds.auth_token.slice(-4)}` },
    });
    expect(JSON.stringify(got.body)).not.toContain(twilioCreds.auth_token);
    expect(((await api('GET', `${root}/Sender/`)).body.senders as unknown[]).length).toBeGreaterThanOrEqual(1);
    const token = await api('POST', `${root}/Sender/${uuid}/`, { auth_token: 'new' });
    expect(token.status).toBe(400);
    expect(token.body.error).toMatch(/create a new sender/);
    const renamed = await api('POST', `${root}/Sender/${uuid}/`, { name: 'Renamed', numbers: [{ number: '+18005550102', countries: ['US', 'CA'] }] });
    expect(renamed.status).toBe(202);
    expect((renamed.body.sender as { numbers: { selected: boolean; countries: string[] }[] }).numbers[1]).toMatchObject({
      selected: true,
      countries: ['US', 'CA'],
    });

    const other = await newAccount();
    const foreign = apiClient(baseUrl, other.authId, other.token);
    expect((await foreign('GET', `/v1/Account/${other.authId}/Verify/Sender/${uuid}/`)).status).toBe(404);
    const foreignApp = await foreign('POST', `/v1/Account/${other.authId}/Verify/App/`, { name: 'x', sender_uuids: [uuid] });
    expect(foreignApp.status).toBe(400);

    const app = await api('POST', `${root}/App/`, { name: 'Uses it', sender_uuids: [uuid] });
    expect(app.status).toBe(201);
    expect((await api('DELETE', `${root}/Sender/${uuid}/`)).status).toBe(409);
    const cleared = await api('POST', `${root}/App/${app.body.app_uuid}/`, { sender_uuids: [] });
    expect([cleared.status, cleared.body.verify_app]).toEqual([202, expect.objectContaining({ sender_uuids: [] })]);
    expect((await api('DELETE', `${root}/Sender/${uuid}/`)).status).toBe(204);
    expect((await api('GET', `${root}/Sender/${uuid}/`)).status).toBe(404);
  });

  it('delivers through the primary sender, applies signed receipts forward only, and falls back when it fails', async () => {
    const primary = (await api('POST', `${root}/Sender/`, { name: 'Twilio', provider: 'twilio', ...twilioCreds, numbers: [{ number: '+14155550101' }] })).body
      .sender_uuid as string;
    const backup = (await api('POST', `${root}/Sender/`, { name: 'Plivo', provider: 'plivo', ...plivoCreds, channels: ['sms', 'voice'] })).body
      .sender_uuid as string;
    const app = await api('POST', `${root}/App/`, { name: 'Routed', brand_name: 'Acme', sender_uuids: [primary, backup] });
    const appUuid = app.body.app_uuid as string;
    const client = sdk();

    const recipient = newRecipient();
    const created = await client.verify_session.create({ recipient, app_uuid: appUuid, channel: 'sms' });
    const attempt = await attemptOf(created.sessionUuid);
    expect(attempt).toMatchObject({ status: 'sent', provider: 'twilio', sender_uuid: primary });
    expect(attempt.tries).toEqual([
      expect.objectContaining({ sequence: 1, provider: 'twilio', from_number: '+14155550101', outcome: 'accepted', provider_ref: attempt.provider_ref }),
    ]);
    const sms = twilio.sends.find((s) => s.ref === attempt.provider_ref)!;
    expect(sms.to).toBe(recipient);
    expect(sms.callbackUrl).toBe(`${baseUrl}/webhooks/twilio/sms/${attempt.attempt_uuid}`);
    const code = sms.text.match(/\d{6}/)![0];

    // A forged or unsigned receipt is refused and changes nothing; a signed one moves the status, never backwards.
    expect((await twilio.receipt(attempt.provider_ref, 'undelivered', { signWith: 'not-the-token' })).status).toBe(403);
    expect((await twilio.receipt(attempt.provider_ref, 'undelivered', { unsigned: true })).status).toBe(403);
    expect((await api('GET', `${root}/Attempt/${attempt.attempt_uuid}/`)).body.attempt).toMatchObject({ status: 'sent' });
    expect((await twilio.receipt(attempt.provider_ref, 'delivered')).status).toBe(200);
    expect((await twilio.receipt(attempt.provider_ref, 'sent')).status).toBe(200);
    expect((await api('GET', `${root}/Attempt/${attempt.attempt_uuid}/`)).body.attempt).toMatchObject({ status: 'delivered' });
    const unknown = await fetch(`${baseUrl}/webhooks/twilio/sms/00000000-0000-4000-8000-000000000000`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'MessageStatus=delivered',
    });
    expect(unknown.status).toBe(404);
    expect((await client.verify_session.validate({ id: created.sessionUuid, otp: code })).message).toMatch(/validated/i);

    // The primary's API fails: the same request falls through to the backup sender.
    twilio.failWith = 500;
    try {
      const other = await client.verify_session.create({ recipient: newRecipient(), app_uuid: appUuid, channel: 'sms' });
      const fell = await attemptOf(other.sessionUuid);
      expect(fell).toMatchObject({ status: 'sent', provider: 'plivo', sender_uuid: backup });
      expect(fell.tries.map((t: { provider: string; outcome: string }) => [t.provider, t.outcome])).toEqual([
        ['twilio', 'refused'],
        ['plivo', 'accepted'],
      ]);
      // A delivery failure reported later by a receipt ends the attempt: no fallback.
      expect((await plivoFake.receipt(fell.provider_ref, 'undelivered', { errorCode: '50' })).status).toBe(200);
      const after = (await api('GET', `${root}/Attempt/${fell.attempt_uuid}/`)).body.attempt as Record<string, any>;
      expect(after).toMatchObject({ status: 'undelivered', error_code: '50' });
      expect(after.tries).toHaveLength(2);
    } finally {
      twilio.failWith = undefined;
    }
  });

  it('speaks the code on a Plivo call: Plivo fetches the signed answer_url and gets <Speak> XML', async () => {
    const sender = (await api('POST', `${root}/Sender/`, { name: 'Voice', provider: 'plivo', ...plivoCreds, channels: ['voice'] })).body.sender_uuid as string;
    const app = await api('POST', `${root}/App/`, { name: 'Voice', brand_name: 'Acme', sender_uuids: [sender] });
    const created = await sdk().verify_session.create({ recipient: newRecipient(), app_uuid: app.body.app_uuid, channel: 'voice' });
    const attempt = await attemptOf(created.sessionUuid);
    expect(attempt).toMatchObject({ status: 'in-progress', provider: 'plivo' });
    expect((await plivoFake.answer(attempt.provider_ref, { signWith: 'forged' })).status).toBe(403);
    const answered = await plivoFake.answer(attempt.provider_ref);
    expect(answered.status).toBe(200);
    expect(plivoFake.spoken.get(attempt.provider_ref)).toMatch(/^Your Acme verification code is \d, \d, \d, \d, \d, \d\. I repeat/);
    expect((await plivoFake.receipt(attempt.provider_ref, 'completed')).status).toBe(200);
    expect((await api('GET', `${root}/Attempt/${attempt.attempt_uuid}/`)).body.attempt).toMatchObject({ status: 'completed' });
  });

  it('asks a dtmf call to press a key before reading the code, in the session locale (Plivo <GetDigits>)', async () => {
    const sender = (await api('POST', `${root}/Sender/`, { name: 'Voice fr', provider: 'plivo', ...plivoCreds, channels: ['voice'] })).body
      .sender_uuid as string;
    const app = await api('POST', `${root}/App/`, { name: 'Voice fr', brand_name: 'Acme', sender_uuids: [sender] });
    const created = await sdk().verify_session.create({ recipient: newRecipient(), app_uuid: app.body.app_uuid, channel: 'voice', locale: 'fr', dtmf: 1 });
    const attempt = await attemptOf(created.sessionUuid);
    expect((await plivoFake.answer(attempt.provider_ref)).status).toBe(200);
    const call = plivoFake.sends.find((s) => s.ref === attempt.provider_ref)!;
    expect(call).toMatchObject({ text: 'Appuyez sur une touche pour entendre votre code de vérification Acme.', extra: { language: 'fr-FR' } });
    expect(await plivoFake.pressKey(attempt.provider_ref, '5')).toMatchObject({ status: 200 });
    expect(call.text).toMatch(/^Votre code de vérification Acme est (\d, ){5}\d\. Je répète, votre code est (\d, ){5}\d\.$/);
    expect(call.extra.get_digits_action).toBeUndefined();
  });
});
