import plivo from 'plivo';
import { bootStack, baseUrl, newAccount, newRecipient } from './support/stack.js';
import { codeIn, outboxMessages } from './support/outbox.js';
import type { TestAccount } from '@signet/testing';

// The official Plivo Node SDK, pointed at the gateway by changing only its base URL.
const sdkFor = (a: TestAccount) => new plivo.Client(a.authId, a.token, { url: `${baseUrl}/v1/Account/${a.authId}` });

// The SDK's typings describe list() as one session; at run time it resolves to {api_id, meta, sessions}.
interface Listed {
  meta: { limit: number; offset: number; next: string | null; previous: string | null; totalCount: number };
  sessions: { sessionUuid: string; recipient: string }[];
}
const list = async (sdk: ReturnType<typeof sdkFor>, params: Record<string, unknown>): Promise<Listed> =>
  (await sdk.verify_session.list(params)) as unknown as Listed;

describe('Verify sessions through the official plivo SDK', () => {
  let stack: Awaited<ReturnType<typeof bootStack>>;
  let account: TestAccount;
  let client: ReturnType<typeof sdkFor>;

  beforeAll(async () => {
    stack = await bootStack();
    account = await newAccount();
    client = sdkFor(account);
  }, 90_000);
  afterAll(() => stack?.stop());

  it('creates, rejects a wrong code, validates the right one, reads it back and lists it', async () => {
    const recipient = newRecipient();
    const created = await client.verify_session.create({ recipient, channel: 'sms' });
    expect(created.message).toBe('Session initiated');
    const sessionUuid = created.sessionUuid;
    expect(sessionUuid).toMatch(/^[0-9a-f-]{36}$/);

    const [sms] = await outboxMessages(account, recipient);
    expect(sms.text).toMatch(/^Your Signet verification code is \d{6}$/);
    const code = codeIn(sms.text);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');

    await expect(client.verify_session.validate({ id: sessionUuid, otp: wrong })).rejects.toThrow(/invalid OTP/);
    const ok = await client.verify_session.validate({ id: sessionUuid, otp: code });
    expect(ok.message).toBe('session validated successfully.');
    await expect(client.verify_session.validate({ id: sessionUuid, otp: code })).rejects.toThrow(/already verified/);

    const session = await client.verify_session.get(sessionUuid);
    expect(session).toMatchObject({ sessionUuid, recipient: recipient.slice(1), status: 'verified', channel: 'sms', count: 1 });
    expect(session.attemptDetails).toHaveLength(1);
    expect(session.attemptDetails[0]).toMatchObject({ channel: 'sms', status: 'delivered' });
    // US: $0.00650 for the SMS plus the $0.00300 validation charge (prices.csv), from billing's ledger.
    expect(session.charges).toMatchObject({ totalCharge: '0.00950', validationCharge: '0.00300' });
    expect(session.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);

    const listed = await list(client, { recipient, status: 'verified' });
    expect(listed.sessions.map((s) => s.sessionUuid)).toEqual([sessionUuid]);
  });

  it('adds attempts to the session in progress with the same code, voice included', async () => {
    const recipient = newRecipient();
    const first = await client.verify_session.create({ recipient });
    const [sms] = await outboxMessages(account, recipient, 1);
    const second = await client.verify_session.create({ recipient });
    expect(second.sessionUuid).toBe(first.sessionUuid);
    const third = await client.verify_session.create({ recipient, channel: 'voice' });
    expect(third.sessionUuid).toBe(first.sessionUuid);

    const messages = await outboxMessages(account, recipient, 3);
    const code = codeIn(sms.text);
    expect(codeIn(messages[1].text)).toBe(code);
    const voice = messages.find((m) => m.channel === 'voice')!;
    expect(voice.text).toContain(code.split('').join(', '));

    const session = await client.verify_session.get(first.sessionUuid);
    expect(session.count).toBe(3);
    expect(session.channel).toBe('voice');
    expect(session.attemptDetails.map((a: { channel: string }) => a.channel)).toEqual(['sms', 'sms', 'voice']);
    await expect(client.verify_session.validate({ id: first.sessionUuid, otp: code })).resolves.toMatchObject({ message: 'session validated successfully.' });
  });

  it('filters and paginates the list', async () => {
    const other = await newAccount();
    const sdk = sdkFor(other);
    const recipients = [newRecipient(), newRecipient(), newRecipient()];
    for (const recipient of recipients) await sdk.verify_session.create({ recipient, brand_name: 'Acme' });
    const page1 = await list(sdk, { limit: 2, offset: 0 });
    expect(page1.sessions).toHaveLength(2);
    expect(page1.meta).toMatchObject({ limit: 2, offset: 0, totalCount: 3, previous: null });
    expect(page1.meta.next).toContain('offset=2');
    const page2 = await list(sdk, { limit: 2, offset: 2 });
    expect(page2.sessions).toHaveLength(1);
    expect(page2.meta.next).toBeNull();
    const newestFirst = [...page1.sessions, ...page2.sessions].map((s) => `+${s.recipient}`);
    expect(newestFirst).toEqual([...recipients].reverse());

    const since = new Date(Date.now() - 60_000).toISOString().replace('T', ' ').slice(0, 16);
    const byTime = await list(sdk, { session_time__gt: since, brand_name: 'Acme', country: 'US' });
    expect(byTime.sessions).toHaveLength(3);
    const future = await list(sdk, { session_time__gt: '2099-01-01 00:00' });
    expect(future.sessions).toHaveLength(0);
  });
});
