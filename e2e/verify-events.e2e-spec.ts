import { VerifyEvents } from '@signet/contracts/verify';
import { connectNats } from '@signet/nats';
import { apiClient, readEvents, type TestAccount } from '@signet/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import { bootStack, baseUrl, env, newAccount, newRecipient } from './support/stack.js';
import { codeIn, outboxMessages } from './support/outbox.js';

/** Verify's domain events reach JetStream exactly as the state they describe, and never carry the code. */
describe('Verify events on SIGNET_EVENTS', () => {
  let stack: Awaited<ReturnType<typeof bootStack>>;
  let account: TestAccount;
  let api: ReturnType<typeof apiClient>;
  let nc: NatsConnection;
  const started = new Date(Date.now() - 1000);

  beforeAll(async () => {
    stack = await bootStack();
    account = await newAccount();
    api = apiClient(baseUrl, account.authId, account.token);
    nc = await connectNats(env.NATS_URL, 'events-spec');
  }, 90_000);
  afterAll(async () => {
    await nc?.drain();
    await stack?.stop();
  });

  const forSession = (session: string) => (e: { envelope: { data: Record<string, unknown> } }) => e.envelope.data.session_uuid === session;

  it('publishes queued → sent → delivered and verified for a session, matching what the API shows', async () => {
    const recipient = newRecipient();
    const created = await api('POST', `/v1/Account/${account.authId}/Verify/Session/`, { recipient, url: 'https://example.com/status?x=1', method: 'GET' });
    const session = created.body.session_uuid as string;
    const [sms] = await outboxMessages(account, recipient);
    const code = codeIn(sms.text);
    await api('POST', `/v1/Account/${account.authId}/Verify/Session/${session}/`, { otp: code });

    const attempts = await readEvents(nc, VerifyEvents.attemptStatusChanged, started, (ev) => ev.filter(forSession(session)).length >= 3);
    const mine = attempts.filter(forSession(session));
    expect(mine.map((e) => e.envelope.data.status)).toEqual(['queued', 'sent', 'delivered']);
    const view = (await api('GET', `/v1/Account/${account.authId}/Verify/Session/${session}/`)).body as {
      attempt_details: { attempt_uuid: string; time: string }[];
    };
    expect(mine[0].envelope).toMatchObject({
      type: VerifyEvents.attemptStatusChanged,
      data: {
        attempt_uuid: view.attempt_details[0].attempt_uuid,
        attempt_sequence: 1,
        account_id: account.authId,
        channel: 'sms',
        recipient: recipient.slice(1),
        callback_url: 'https://example.com/status?x=1',
        callback_method: 'GET',
        request_time: view.attempt_details[0].time,
      },
    });
    for (const e of mine) expect(e.msgId).toBe(e.envelope.id);

    const verified = await readEvents(nc, VerifyEvents.sessionVerified, started, (ev) => ev.some(forSession(session)));
    expect(verified.filter(forSession(session)).map((e) => e.envelope.data.status)).toEqual(['verified']);

    // The code never leaves verify in an event.
    const everything = await readEvents(nc, 'events.verify.>', started, (ev) => ev.length > 0);
    expect(JSON.stringify(everything.filter(forSession(session)))).not.toContain(code);
  });

  it('publishes session.expired when a session runs out its time', async () => {
    const app = await api('POST', `/v1/Account/${account.authId}/Verify/App/`, { name: 'five seconds', otp_expiry: 5 });
    const created = await api('POST', `/v1/Account/${account.authId}/Verify/Session/`, { recipient: newRecipient(), app_uuid: app.body.app_uuid });
    const session = created.body.session_uuid as string;
    const expired = await readEvents(nc, VerifyEvents.sessionExpired, started, (ev) => ev.some(forSession(session)), 9000);
    expect(expired.filter(forSession(session))).toHaveLength(1);
  });
});
