import { apiClient, eventually, type TestAccount } from '@signet/testing';
import { codeIn, outboxMessages } from './support/outbox.js';
import { Receiver } from './support/receiver.js';
import { bootStack, baseUrl, newAccount, newRecipient } from './support/stack.js';

// Messages (built-in translations, an app's own per-locale texts, the app hash) and the automatic channel workflow,
// through the gateway against the shared stack's development outbox.
describe('Verify messages and the channel workflow', () => {
  let stack: Awaited<ReturnType<typeof bootStack>>;
  let account: TestAccount;
  let api: ReturnType<typeof apiClient>;
  let root: string;
  const receiver = new Receiver();

  beforeAll(async () => {
    stack = await bootStack();
    await receiver.start();
    account = await newAccount();
    api = apiClient(baseUrl, account.authId, account.token);
    root = `/v1/Account/${account.authId}/Verify`;
  }, 90_000);
  afterAll(async () => {
    await receiver.stop();
    await stack?.stop();
  });

  const app = async (fields: Record<string, unknown>): Promise<string> => {
    const res = await api('POST', `${root}/App/`, { name: 'Messages', brand_name: 'Acme', ...fields });
    expect(res.status).toBe(201);
    return res.body.app_uuid as string;
  };
  const session = async (fields: Record<string, unknown>): Promise<{ uuid: string; recipient: string }> => {
    const recipient = newRecipient();
    const res = await api('POST', `${root}/Session/`, { recipient, ...fields });
    expect(res.status).toBe(202);
    return { uuid: res.body.session_uuid as string, recipient };
  };
  const smsOf = async (fields: Record<string, unknown>): Promise<string> => (await outboxMessages(account, (await session(fields)).recipient))[0].text;

  it('sends the built-in translation of every shipped locale, falls back fr_CA → fr and unknown locales to English', async () => {
    const appUuid = await app({});
    const expected: Record<string, RegExp> = {
      en: /^Your Acme verification code is \d{6}$/,
      es: /^Tu código de verificación de Acme es \d{6}$/,
      fr: /^Votre code de vérification Acme est \d{6}$/,
      de: /^Ihr Acme-Bestätigungscode lautet \d{6}$/,
      pt: /^Seu código de verificação Acme é \d{6}$/,
      it: /^Il tuo codice di verifica Acme è \d{6}$/,
      hi: /^आपका Acme सत्यापन कोड \d{6} है$/,
      ar: /^رمز التحقق الخاص بك من Acme هو \d{6}$/,
      zh: /^您的Acme验证码是\d{6}$/,
      ja: /^Acmeの認証コードは\d{6}です$/,
      fr_CA: /^Votre code de vérification Acme est \d{6}$/,
      'pt-BR': /^Seu código de verificação Acme é \d{6}$/,
      sw: /^Your Acme verification code is \d{6}$/,
    };
    const texts = await Promise.all(Object.keys(expected).map((locale) => smsOf({ app_uuid: appUuid, locale })));
    Object.values(expected).forEach((pattern, i) => expect(texts[i]).toMatch(pattern));
  });

  it('reads the code digit by digit, twice, in the locale on a call', async () => {
    const appUuid = await app({});
    const { recipient } = await session({ app_uuid: appUuid, locale: 'es', channel: 'voice' });
    const [call] = await outboxMessages(account, recipient);
    expect(call.text).toMatch(/^Tu código de verificación de Acme es (\d, ){5}\d\. Repito, tu código es (\d, ){5}\d\.$/);
  });

  it("keeps an app's own per-locale texts: set, list, override, fall back, delete; validated in Plivo's envelope", async () => {
    const appUuid = await app({ customer_app_hash: 'FA+9qCX9VSu' });
    const templates = `${root}/App/${appUuid}/Template/`;
    const noCode = await api('POST', templates, { locale: 'de', text: 'Ihr Code' });
    expect(noCode.status).toBe(400);
    expect(noCode.body).toEqual({ api_id: expect.any(String), error: expect.stringMatching(/text: must contain \$\{code\}/) });
    expect((await api('POST', templates, { locale: 'deutsch', text: '${code}' })).status).toBe(400);
    expect((await api('POST', templates, { text: '${code}' })).status).toBe(400);
    const set = await api('POST', templates, { locale: 'de', text: 'Dein ${brand_name}-Code: ${code}' });
    expect(set.status).toBe(201);
    expect(set.body).toMatchObject({ message: 'created', locale: 'de', text: 'Dein ${brand_name}-Code: ${code}' });
    expect((await api('POST', templates, { locale: 'fr-ca', text: 'Code ${brand_name} (Québec) : ${code}' })).status).toBe(201);
    expect((await api('GET', templates)).body).toEqual({
      api_id: expect.any(String),
      templates: [
        { locale: 'de', text: 'Dein ${brand_name}-Code: ${code}' },
        { locale: 'fr_CA', text: 'Code ${brand_name} (Québec) : ${code}' },
      ],
    });

    // The session's brand_name overrides the app's; the app hash ends the SMS on its own line.
    expect(await smsOf({ app_uuid: appUuid, locale: 'de_AT', brand_name: 'Shop' })).toMatch(/^Dein Shop-Code: \d{6}\nFA\+9qCX9VSu$/);
    expect(await smsOf({ app_uuid: appUuid, locale: 'fr_CA' })).toMatch(/^Code Acme \(Québec\) : \d{6}\nFA\+9qCX9VSu$/);
    expect(await smsOf({ app_uuid: appUuid, locale: 'fr' })).toMatch(/^Votre code de vérification Acme est \d{6}\nFA\+9qCX9VSu$/);

    expect((await api('DELETE', `${templates}de/`)).status).toBe(204);
    expect((await api('DELETE', `${templates}de/`)).status).toBe(404);
    expect(await smsOf({ app_uuid: appUuid, locale: 'de' })).toMatch(/^Ihr Acme-Bestätigungscode lautet \d{6}\nFA\+9qCX9VSu$/);

    const other = await newAccount();
    const foreign = apiClient(baseUrl, other.authId, other.token);
    expect((await foreign('GET', `/v1/Account/${other.authId}/Verify/App/${appUuid}/Template/`)).status).toBe(404);
  });

  it('validates the workflow shape (400s) and shows it on the app', async () => {
    const bad = [
      [{ channel: 'fax', wait: 5 }, { channel: 'voice' }],
      [{ channel: 'sms' }, { channel: 'voice' }],
      [{ channel: 'sms', wait: 5 }],
      [{ channel: 'sms', wait: 0 }, { channel: 'voice' }],
      'sms then voice',
    ];
    for (const workflow of bad) {
      const res = await api('POST', `${root}/App/`, { name: 'Bad', workflow });
      expect(res.status).toBe(400);
      expect(typeof res.body.error).toBe('string');
      expect(res.body.error).toMatch(/^workflow/);
    }
    const uuid = await app({ workflow: [{ channel: 'SMS', wait: '60' }, { channel: 'voice' }] });
    expect(((await api('GET', `${root}/App/${uuid}/`)).body.verify_app as Record<string, unknown>).workflow).toEqual([
      { channel: 'sms', wait: 60 },
      { channel: 'voice' },
    ]);
    expect(((await api('POST', `${root}/App/${uuid}/`, { workflow: [] })).body.verify_app as Record<string, unknown>).workflow).toBeNull();
  });

  it('adds the voice attempt itself `wait` seconds after an unverified SMS (same code, charged, in callbacks); verification stops it', async () => {
    const appUuid = await app({ workflow: [{ channel: 'sms', wait: 1 }, { channel: 'voice' }] });
    const url = `http://127.0.0.1:${receiver.port}/workflow`;
    const [left, verified] = await Promise.all([session({ app_uuid: appUuid, url }), session({ app_uuid: appUuid })]);

    // The second session is verified before its wait is over: no call follows.
    const [sms] = await outboxMessages(account, verified.recipient);
    expect((await api('POST', `${root}/Session/${verified.uuid}/`, { otp: codeIn(sms.text) })).status).toBe(200);

    const [first] = await outboxMessages(account, left.recipient);
    const [call] = await outboxMessages(account, left.recipient, 2, 6000);
    expect(call.channel).toBe('voice');
    expect(call.text.replace(/, /g, '')).toContain(codeIn(first.text));
    const got = (await api('GET', `${root}/Session/${left.uuid}/`)).body as Record<string, any>;
    expect(got).toMatchObject({ count: 2, channel: 'voice', status: 'in-progress' });
    expect(got.attempt_details.map((a: { channel: string }) => a.channel)).toEqual(['sms', 'voice']);
    expect(got.charges.attempt_charges.map((c: { channel: string }) => c.channel)).toEqual(['sms', 'voice']);
    await eventually(async () => receiver.received.some((r) => r.fields.AttemptSequence === '2' && r.fields.Channel === 'voice'), 8000);
    expect(receiver.received.find((r) => r.fields.AttemptSequence === '2')!.fields.SessionUUID).toBe(left.uuid);

    const done = (await api('GET', `${root}/Session/${verified.uuid}/`)).body as Record<string, any>;
    expect(done).toMatchObject({ status: 'verified', count: 1 });
    expect(done.attempt_details).toHaveLength(1);
  }, 20_000);

  it("drops a workflow step to a channel the account's geo permissions refuse for that country", async () => {
    const other = await newAccount();
    const otherApi = apiClient(baseUrl, other.authId, other.token);
    const otherRoot = `/v1/Account/${other.authId}/Verify`;
    // newRecipient() numbers are in the US: SMS stays allowed, voice only to India.
    const geo = await otherApi('POST', `${otherRoot}/GeoPermission/`, { voice: ['IN'] });
    expect(geo.status).toBe(200);
    const made = await otherApi('POST', `${otherRoot}/App/`, { name: 'Geo workflow', workflow: [{ channel: 'sms', wait: 1 }, { channel: 'voice' }] });
    const next = newRecipient();
    const res = await otherApi('POST', `${otherRoot}/Session/`, { recipient: next, app_uuid: made.body.app_uuid });
    expect(res.status).toBe(202);
    await outboxMessages(other, next);
    await new Promise((r) => setTimeout(r, 2500));
    expect((await otherApi('GET', `${otherRoot}/Session/${res.body.session_uuid}/`)).body).toMatchObject({ count: 1, channel: 'sms' });
  }, 15_000);

  it("counts workflow attempts against the app's attempt cap", async () => {
    const appUuid = await app({ otp_attempts: 1, workflow: [{ channel: 'sms', wait: 1 }, { channel: 'voice' }] });
    const { uuid, recipient } = await session({ app_uuid: appUuid });
    await outboxMessages(account, recipient);
    await new Promise((r) => setTimeout(r, 2500));
    expect((await api('GET', `${root}/Session/${uuid}/`)).body).toMatchObject({ count: 1, channel: 'sms' });
  }, 10_000);
});
