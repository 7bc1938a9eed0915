import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { BillingErrors, BillingSubjects, type ChargeResult } from '@signet/contracts/billing';
import { CommonErrors, formatMoney } from '@signet/contracts/common';
import { AttemptErrorCodes, VerifyEvents } from '@signet/contracts/verify';
import { connectNats, natsSubject, RpcClient } from '@signet/nats';
import { apiClient, createTestAccount, eventually, type TestAccount } from '@signet/testing';
import pg from 'pg';
import plivo from 'plivo';
import { SMTPServer } from 'smtp-server';
import { adminApi, openAccount } from './support/admin.js';
import { Receiver } from './support/receiver.js';
import { codeIn, outboxMessages } from './support/outbox.js';
import { baseUrl, env, newRecipient } from './support/stack.js';
// @ts-expect-error plain ESM helper shared with `npm start`
import { startStack, waitUntilReady } from '../tools/stack.mjs';

const sdkFor = (a: TestAccount) => new plivo.Client(a.authId, a.token, { url: `${baseUrl}/v1/Account/${a.authId}` });
const callerOf = (a: TestAccount) => ({ auth_id: a.authId, main_auth_id: a.authId, is_subaccount: false });

describe('billing: prices, prepaid charges, the ledger, usage, alerts, closing', () => {
  let stack: { stop(): Promise<void> };
  let db: pg.Client;
  let nc: NatsConnection;
  let rpc: RpcClient;
  const mail: { to: string[]; subject: string }[] = [];
  let smtp: SMTPServer;
  const receiver = new Receiver();

  const ledger = async (authId: string) =>
    (
      await db.query(
        `SELECT kind, amount_micros::text, balance_after_micros::text, attempt_uuid, channel FROM billing.ledger WHERE auth_id = $1 ORDER BY seq`,
        [authId],
      )
    ).rows;
  const balance = async (authId: string) =>
    (await db.query('SELECT balance_micros::text FROM billing.accounts WHERE auth_id = $1', [authId])).rows[0]?.balance_micros;
  const ledgerSum = async (authId: string) =>
    (await db.query('SELECT COALESCE(sum(amount_micros), 0)::text AS s FROM billing.ledger WHERE auth_id = $1', [authId])).rows[0].s;

  beforeAll(async () => {
    // A real SMTP server the balance alerts are mailed to.
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString()));
        stream.on('end', () => {
          mail.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: /^Subject: (.*)$/m.exec(raw)?.[1] ?? '' });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    await receiver.start();
    const port = (smtp.server.address() as { port: number }).port;
    stack = startStack({ ...env, SIGNET_SMTP_URL: `smtp://127.0.0.1:${port}` }, { output: process.env.E2E_LOGS ? 'prefix' : 'silent' });
    await waitUntilReady(baseUrl, 60_000);
    db = new pg.Client({ connectionString: env.DATABASE_URL });
    await db.connect();
    nc = await connectNats(env.NATS_URL, 'billing-e2e');
    rpc = new RpcClient(nc, 10_000);
  }, 90_000);
  afterAll(async () => {
    await stack?.stop();
    await db?.end();
    await nc?.drain();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await receiver.stop();
  });

  it('serves the price list in Plivo’s shape through the SDK, and as a CSV download', async () => {
    const account = await createTestAccount(baseUrl, env.SIGNET_ADMIN_TOKEN);
    // The SDK's typings omit PricingInterface.get; at run time it is there.
    const pricings = sdkFor(account).pricings as unknown as { get(iso: string): Promise<Record<string, unknown> & { message: unknown; voice: unknown }> };
    const us = await pricings.get('US');
    expect(us).toMatchObject({ country: 'United States', countryCode: 1, countryIso: 'US' });
    expect(us.message).toMatchObject({ outbound: { rate: '0.00650' } });
    expect((us.voice as { outbound: { local: { rate: string } } }).outbound.local.rate).toBe('0.01300');
    const api = apiClient(baseUrl, account.authId, account.token);
    expect((await api('GET', `/v1/Account/${account.authId}/Pricing/?country_iso=QQ`)).status).toBe(404);
    expect((await api('GET', `/v1/Account/${account.authId}/Pricing/?country_iso=usa`)).status).toBe(400);
    const csv = await fetch(`${baseUrl}/v1/Account/${account.authId}/Pricing/?format=csv`, {
      headers: { authorization: `Basic ${Buffer.from(`${account.authId}:${account.token}`).toString('base64')}` },
    });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('country_iso,country,country_code,sms_rate,voice_rate,validation_rate,sms_own_sender_rate,voice_own_sender_rate');
    expect(lines.length).toBeGreaterThanOrEqual(246);
    expect(lines).toContain('IN,India,91,0.08000,0.03300,0.00300,0.00000,0.00000');
  });

  it('charges each attempt before it is queued, shows the live balance, and refuses (402) what credit cannot cover', async () => {
    const account = await openAccount({ cash_credits: '0' });
    const sdk = sdkFor(account);
    const admin = adminApi();
    const credit = await admin('POST', `/admin/v1/Account/${account.authId}/Credit/`, { amount: '0.01', reference: 'payment-1' });
    expect(credit.status).toBe(201);
    // The same reference again is the same credit.
    const again = await admin('POST', `/admin/v1/Account/${account.authId}/Credit/`, { amount: '0.01', reference: 'payment-1' });
    expect(again.body.entry_uuid).toBe(credit.body.entry_uuid);
    expect((await admin('POST', `/admin/v1/Account/${account.authId}/Credit/`, { amount: '0.02', reference: 'payment-1' })).status).toBe(409);
    expect((await sdk.accounts.get()).cashCredits).toBe('0.01000');

    const recipient = newRecipient();
    const { sessionUuid } = await sdk.verify_session.create({ recipient });
    expect((await sdk.accounts.get()).cashCredits).toBe('0.00350');
    const [sms] = await outboxMessages(account, recipient);

    // $0.00350 left cannot pay another $0.00650 SMS: refused, nothing recorded, queued or sent.
    const refused = newRecipient();
    const api = apiClient(baseUrl, account.authId, account.token);
    const res = await api('POST', `/v1/Account/${account.authId}/Verify/Session/`, { recipient: refused });
    expect(res.status).toBe(402);
    expect(res.body.error).toMatch(/insufficient credit/);
    expect((await db.query('SELECT count(*)::int AS n FROM verify.sessions WHERE recipient = $1', [refused.slice(1)])).rows[0].n).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(((await api('GET', `/dev/outbox?recipient=${refused.slice(1)}`)).body.messages as unknown[]).length).toBe(0);

    // The session's charges are the ledger's, to the micro-unit; validation adds its charge once.
    await sdk.verify_session.validate({ id: sessionUuid, otp: codeIn(sms.text) });
    const session = await sdk.verify_session.get(sessionUuid);
    expect(session.charges).toMatchObject({ totalCharge: '0.00950', validationCharge: '0.00300', attemptCharges: [{ channel: 'sms', charge: '0.00650' }] });
    expect((await ledger(account.authId)).map((e) => [e.kind, e.amount_micros, e.channel])).toEqual([
      ['recharge', '10000', null],
      ['charge', '-6500', 'sms'],
      ['charge', '-3000', 'validation'],
    ]);
    expect(await balance(account.authId)).toBe('500');
    expect(await ledgerSum(account.authId)).toBe('500');
    // Billing heard the attempt's events: its charge is not one the unrecorded-charge sweep would give back.
    const raw = await api('GET', `/v1/Account/${account.authId}/Verify/Session/${sessionUuid}/`);
    const attempt = (raw.body.attempt_details as { attempt_uuid: string }[])[0].attempt_uuid;
    await eventually(async () => (await db.query('SELECT 1 FROM billing.recorded_attempts WHERE attempt_uuid = $1', [attempt])).rowCount === 1, 10_000);
  });

  it('never lets 1,000 concurrent charges on one account go below zero, lose or double one; a retried charge lands once', async () => {
    const account = await createTestAccount(baseUrl, env.SIGNET_ADMIN_TOKEN, { cash_credits: formatMoney(500n * 6_500n) });
    const attempts = Array.from({ length: 1000 }, () => randomUUID());
    let payer = account;
    const once = (attempt_uuid: string) =>
      rpc.call(BillingSubjects.chargeAttempt, { caller: callerOf(payer), attempt_uuid, country_iso: 'US', channel: 'sms' }).then(
        () => 'ok',
        (err: { code: string }) => err.code,
      );
    // As verify does: a request that got no answer (a loaded machine's timeout) is asked again with the same attempt id.
    const charge = async (attempt_uuid: string) => {
      let outcome = await once(attempt_uuid);
      for (let i = 0; i < 3 && outcome === CommonErrors.SERVICE_UNAVAILABLE; i++) outcome = await once(attempt_uuid);
      return outcome;
    };
    const outcomes = await Promise.all(attempts.map(charge));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(500);
    expect(outcomes.filter((o) => o === BillingErrors.INSUFFICIENT_CREDIT)).toHaveLength(500);
    expect(await balance(account.authId)).toBe('0');
    // Retrying every request (as after a timeout) changes nothing: the charged are answered, the others refused.
    const retried = await Promise.all(attempts.map(charge));
    expect(retried).toEqual(outcomes);
    const entries = await ledger(account.authId);
    expect(entries.filter((e) => e.kind === 'charge')).toHaveLength(500);
    expect(new Set(entries.map((e) => e.balance_after_micros)).size).toBe(501);
    expect(await ledgerSum(account.authId)).toBe('0');

    // One attempt sent 50 times at once (a client retrying after timeouts) is charged once, credit to spare.
    const spare = await createTestAccount(baseUrl, env.SIGNET_ADMIN_TOKEN, { cash_credits: formatMoney(10n * 6_500n) });
    payer = spare;
    const single = randomUUID();
    expect(new Set(await Promise.all(Array.from({ length: 50 }, () => charge(single))))).toEqual(new Set(['ok']));
    expect((await ledger(spare.authId)).filter((e) => e.kind === 'charge')).toHaveLength(1);
    expect(await balance(spare.authId)).toBe(String(9 * 6_500));
  }, 60_000);

  it('refunds an attempt every sender refused, charges own-sender rates, and bills a subaccount to its main account', async () => {
    const main = await createTestAccount(baseUrl, env.SIGNET_ADMIN_TOKEN, { cash_credits: formatMoney(1_000_000n) });
    const sub = await apiClient(baseUrl, main.authId, main.token)('POST', `/v1/Account/${main.authId}/Subaccount/`, { name: 'Team', enabled: true });
    const subId = sub.body.auth_id as string;
    const subCaller = { auth_id: subId, main_auth_id: main.authId, is_subaccount: true };
    const [refused, own] = [randomUUID(), randomUUID()];
    for (const attempt_uuid of [refused, own]) {
      await rpc.call(BillingSubjects.chargeAttempt, { caller: subCaller, attempt_uuid, country_iso: 'IN', channel: 'sms' });
    }
    expect(await balance(main.authId)).toBe(String(1_000_000 - 2 * 80_000));
    const js = jetstream(nc);
    const event = (attempt_uuid: string, data: object) =>
      js.publish(
        natsSubject(VerifyEvents.attemptStatusChanged),
        JSON.stringify({
          id: randomUUID(),
          type: VerifyEvents.attemptStatusChanged,
          occurred_at: new Date().toISOString(),
          data: {
            session_uuid: randomUUID(),
            attempt_uuid,
            attempt_sequence: 1,
            account_id: subId,
            main_account_id: main.authId,
            app_uuid: randomUUID(),
            channel: 'sms',
            recipient: '919812345678',
            session_status: 'in-progress',
            callback_url: null,
            callback_method: 'POST',
            request_time: new Date().toISOString(),
            provider: 'outbox',
            ...data,
          },
        }),
      );
    await event(refused, { status: 'failed', error_code: AttemptErrorCodes.ALL_SENDERS_REFUSED, sender_uuid: null });
    await event(own, { status: 'sent', error_code: null, sender_uuid: randomUUID() });
    await event(own, { status: 'delivered', error_code: null, sender_uuid: randomUUID() });
    await eventually(async () => (await balance(main.authId)) === '1000000', 10_000);
    const charges = await rpc.call(BillingSubjects.sessionCharges, { attempt_uuids: [refused, own], session_uuids: [] });
    expect(charges.attempts).toEqual({ [refused]: '0', [own]: '0' });
    expect((await ledger(main.authId)).map((e) => e.kind)).toEqual(['recharge', 'charge', 'charge', 'refund', 'adjustment']);

    // Usage: per day, account and channel, adding up to the ledger.
    const today = new Date().toISOString().slice(0, 10);
    const usage = await apiClient(baseUrl, main.authId, main.token)('GET', `/v1/Account/${main.authId}/Usage/?start_date=${today}&end_date=${today}`);
    expect(usage.status).toBe(200);
    expect(usage.body).toMatchObject({ total_amount: '0.00000', by_account: { [subId]: { count: 2, amount: '0.00000' } } });
    expect((await apiClient(baseUrl, main.authId, main.token)('GET', `/v1/Account/${main.authId}/Usage/?start_date=${today}&end_date=2000-01-01`)).status).toBe(
      400,
    );
  }, 30_000);

  it('mails each balance alert once per downward crossing, re-arming when the balance rises again', async () => {
    const admin = adminApi();
    expect((await admin('POST', '/admin/v1/Pricing/XA/', { country: 'Test Land', country_code: 999, sms_rate: '6', voice_rate: '6' })).status).toBe(202);
    const email = `owner-${randomUUID()}@example.com`;
    const account = await openAccount({ email, cash_credits: '260' });
    const api = apiClient(baseUrl, account.authId, account.token);
    const set = await api('POST', `/v1/Account/${account.authId}/BalanceAlert/`, { thresholds: ['255'], emails: ['ops@example.com'] });
    expect(set.body).toMatchObject({ automatic: ['250.00', '100.00', '10.00'], thresholds: ['255.00'], emails: ['ops@example.com'] });
    const spend = () => rpc.call(BillingSubjects.chargeAttempt, { caller: callerOf(account), attempt_uuid: randomUUID(), country_iso: 'XA', channel: 'sms' });
    await spend(); // 254: below 255
    await spend(); // 248: below 250
    await admin('POST', `/admin/v1/Account/${account.authId}/Credit/`, { amount: '10', reference: 'top-up' }); // 258: re-armed
    await spend(); // 252: below 255 again
    await spend(); // 246: below 250 again
    const mine = () => mail.filter((m) => m.to.includes(email));
    await eventually(async () => mine().length === 4, 15_000);
    expect(mine().map((m) => m.subject)).toEqual(expect.arrayContaining([expect.stringMatching(/below \$255\.00/), expect.stringMatching(/below \$250\.00/)]));
    expect(mine().every((m) => m.to.includes('ops@example.com'))).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    expect(mine()).toHaveLength(4);
    const history = await api('GET', `/v1/Account/${account.authId}/BalanceAlert/History/`);
    expect((history.body.objects as { threshold: string; status: string }[]).map((a) => `${a.threshold}:${a.status}`).sort()).toEqual([
      '250.00:sent',
      '250.00:sent',
      '255.00:sent',
      '255.00:sent',
    ]);
  }, 30_000);

  it('POSTs each alert to the webhook signed as Plivo signs callbacks, retrying a failing receiver without mailing twice', async () => {
    const admin = adminApi();
    expect((await admin('POST', '/admin/v1/Pricing/XA/', { country: 'Test Land', country_code: 999, sms_rate: '6', voice_rate: '6' })).status).toBe(202);
    const email = `hook-${randomUUID()}@example.com`;
    const account = await openAccount({ email, cash_credits: '260' });
    const api = apiClient(baseUrl, account.authId, account.token);
    // The same SSRF guard as status callbacks: the cloud metadata address is refused before anything is stored.
    const unsafe = await api('POST', `/v1/Account/${account.authId}/BalanceAlert/`, { webhook_url: 'http://169.254.169.254/latest/' });
    expect(unsafe.status).toBe(400);
    expect(unsafe.body.error).toMatch(/webhook_url/);
    const url = receiver.url(`/alerts/${account.authId}?src=signet`);
    let answered = 0;
    receiver.behaviour = (r) => (r.fields.AuthID === account.authId && answered++ === 0 ? { status: 503 } : { status: 200 });
    expect((await api('POST', `/v1/Account/${account.authId}/BalanceAlert/`, { thresholds: ['255'], webhook_url: url })).body.webhook_url).toBe(url);

    await rpc.call(BillingSubjects.chargeAttempt, { caller: callerOf(account), attempt_uuid: randomUUID(), country_iso: 'XA', channel: 'sms' }); // 254
    const mine = () => receiver.received.filter((r) => r.fields.AuthID === account.authId);
    await eventually(async () => mine().length === 2, 15_000);
    const [first, second] = mine();
    expect(second.fields).toEqual(first.fields);
    expect(second.fields).toMatchObject({ Event: 'balance_alert', Kind: 'custom', Threshold: '255.00', Balance: '254.00000' });
    for (const r of [first, second]) {
      const h = r.headers as Record<string, string>;
      expect(r.method).toBe('POST');
      expect(plivo.validateV3Signature('POST', url, h['x-plivo-signature-v3-nonce'], account.token, h['x-plivo-signature-v3'], r.fields)).toBe(true);
      expect(plivo.validateV3Signature('POST', url, h['x-plivo-signature-v3-nonce'], account.token, h['x-plivo-signature-ma-v3'], r.fields)).toBe(true);
      expect(plivo.validateSignature(url, h['x-plivo-signature-v2-nonce'], h['x-plivo-signature-v2'], account.token)).toBe(true);
      expect(plivo.validateSignature(url, h['x-plivo-signature-v2-nonce'], h['x-plivo-signature-ma-v2'], account.token)).toBe(true);
      expect(plivo.validateV3Signature('POST', url, h['x-plivo-signature-v3-nonce'], 'x'.repeat(40), h['x-plivo-signature-v3'], r.fields)).toBe(false);
    }
    const history = async () => (await api('GET', `/v1/Account/${account.authId}/BalanceAlert/History/`)).body.objects as Record<string, unknown>[];
    await eventually(async () => (await history())[0]?.status === 'sent', 10_000);
    const [alert] = await history();
    expect(alert).toMatchObject({ alert_uuid: first.fields.AlertUUID, threshold: '255.00', recipients: [email] });
    expect(alert.webhook).toMatchObject({ url, status: 'delivered', tries: 2, http_status: 200, error: null });
    // The retry was the webhook's alone: the mail went out once.
    expect(mail.filter((m) => m.to.includes(email))).toHaveLength(1);
  }, 30_000);

  it('stops at a webhook that answers 410 Gone: one try, the alert mailed, the webhook failed', async () => {
    await adminApi()('POST', '/admin/v1/Pricing/XA/', { country: 'Test Land', country_code: 999, sms_rate: '6', voice_rate: '6' });
    const email = `gone-${randomUUID()}@example.com`;
    const account = await openAccount({ email, cash_credits: '260' });
    const api = apiClient(baseUrl, account.authId, account.token);
    const url = receiver.url(`/gone/${account.authId}`);
    receiver.behaviour = (r) => (r.fields.AuthID === account.authId ? { status: 410 } : { status: 200 });
    await api('POST', `/v1/Account/${account.authId}/BalanceAlert/`, { thresholds: ['255'], webhook_url: url });
    await rpc.call(BillingSubjects.chargeAttempt, { caller: callerOf(account), attempt_uuid: randomUUID(), country_iso: 'XA', channel: 'sms' }); // 254
    const history = async () => (await api('GET', `/v1/Account/${account.authId}/BalanceAlert/History/`)).body.objects as Record<string, unknown>[];
    await eventually(async () => (await history())[0]?.status === 'sent', 15_000);
    await new Promise((r) => setTimeout(r, 3000)); // past the first retry's delay (2 s): none comes
    expect(receiver.received.filter((r) => r.fields.AuthID === account.authId)).toHaveLength(1);
    expect((await history())[0].webhook).toMatchObject({ url, status: 'failed', tries: 1, http_status: 410 });
    expect(mail.filter((m) => m.to.includes(email))).toHaveLength(1);
  }, 30_000);

  it('records the refundable credit of a closed account (paid recharges only) and charges it no more', async () => {
    const admin = adminApi();
    const paid = await openAccount({ cash_credits: '5' });
    const trial = await openAccount({ cash_credits: '0' });
    await admin('POST', `/admin/v1/Account/${trial.authId}/Credit/`, { amount: '3', reference: 'trial', trial: true });
    await rpc.call(BillingSubjects.chargeAttempt, { caller: callerOf(paid), attempt_uuid: randomUUID(), country_iso: 'IN', channel: 'sms' });
    for (const a of [paid, trial]) expect((await admin('POST', `/admin/v1/Account/${a.authId}/Close/`)).status).toBe(202);
    await eventually(async () => (await admin('GET', `/admin/v1/Account/${trial.authId}/Refund/`)).status === 200, 10_000);
    await eventually(async () => (await admin('GET', `/admin/v1/Account/${paid.authId}/Refund/`)).status === 200, 10_000);
    expect((await admin('GET', `/admin/v1/Account/${paid.authId}/Refund/`)).body).toMatchObject({
      trial: false,
      cash_credits: '4.92000',
      refundable: '4.92000',
    });
    expect((await admin('GET', `/admin/v1/Account/${trial.authId}/Refund/`)).body).toMatchObject({
      trial: true,
      cash_credits: '3.00000',
      refundable: '0.00000',
    });
    await expect(
      rpc.call(BillingSubjects.chargeAttempt, { caller: callerOf(paid), attempt_uuid: randomUUID(), country_iso: 'IN', channel: 'sms' }),
    ).rejects.toMatchObject({ code: BillingErrors.ACCOUNT_CLOSED });
    expect(formatMoney(await balance(paid.authId))).toBe('4.92000');
  }, 30_000);
});
