import { FakeTwilio } from '@signet/testing';
import { ProviderApiError, ProviderAuthError } from '../delivery-provider.js';
import { ProviderHttp } from '../http.js';
import { ReceiptSink, formOf } from '../../test/receipt-sink.js';
import { TwilioProvider } from './twilio.provider.js';
import { twilioReceiptStatus, twilioSignature, verifyTwilioSignature } from './twilio.receipts.js';

const message = (over: object = {}) => ({
  attemptId: 'a1',
  sessionId: 's1',
  accountId: 'MA1',
  mainAccountId: 'MA1',
  to: '+14155550100',
  from: '+15005550006',
  channel: 'sms' as const,
  text: 'Your code is 123456',
  ...over,
});

describe('Twilio adapter against the local Twilio fake', () => {
  const fake = new FakeTwilio();
  const sink = new ReceiptSink();
  const http = new ProviderHttp({ connectTimeoutMs: 500, totalTimeoutMs: 800 });
  let creds: { account_sid: string; auth_token: string };

  beforeAll(async () => {
    await fake.start();
    await sink.start();
    const many = Array.from({ length: 1203 }, (_, i) => ({ phone_number: `+1415555${String(i).padStart(4, '0')}`, sms: i % 2 === 0, voice: true }));
    creds = fake.addAccount([{ phone_number: '+15005550006', sms: true, voice: true }, { phone_number: '+18005550100', sms: true, voice: false }, ...many]);
  });
  afterEach(() => {
    fake.failWith = undefined;
    fake.hang = false;
  });
  afterAll(async () => {
    await http.close();
    await fake.stop();
    await sink.stop();
  });

  const twilio = () => new TwilioProvider(creds, http, fake.url);

  it('sends an SMS (Basic auth, form body) and gets the SM sid; the signed status callback verifies', async () => {
    const sent = await twilio().sendSms(message({ statusUrl: `${sink.url}/webhooks/twilio/status/a1` }));
    expect(sent.providerRef).toMatch(/^SM[0-9a-f]{32}$/);
    expect(fake.sends.at(-1)).toMatchObject({ kind: 'sms', from: '+15005550006', to: '+14155550100', text: 'Your code is 123456' });

    expect((await fake.receipt(sent.providerRef, 'undelivered', { errorCode: '30003' })).status).toBe(200);
    const got = sink.received.at(-1)!;
    const params = formOf(got.raw);
    expect(verifyTwilioSignature(creds.auth_token, got.url, params, got.headers['x-twilio-signature'] as string)).toBe(true);
    expect(verifyTwilioSignature('forged-token', got.url, params, got.headers['x-twilio-signature'] as string)).toBe(false);
    expect(verifyTwilioSignature(creds.auth_token, got.url, { ...params, MessageStatus: 'delivered' }, got.headers['x-twilio-signature'] as string)).toBe(
      false,
    );
    expect(twilioReceiptStatus(params)).toEqual({ status: 'undelivered', errorCode: '30003', ref: sent.providerRef });
  });

  it('places a call with inline TwiML <Say> and asks for call progress events', async () => {
    const sent = await twilio().placeVoiceCall(message({ channel: 'voice', text: 'Your code is 1, 2 & 3', statusUrl: `${sink.url}/cb` }));
    expect(sent.providerRef).toMatch(/^CA/);
    expect(fake.sends.at(-1)).toMatchObject({
      kind: 'voice',
      text: 'Your code is 1, 2 &amp; 3',
      extra: { events: ['initiated', 'ringing', 'answered', 'completed'], language: 'en-US' },
    });
    await twilio().placeVoiceCall(message({ channel: 'voice', text: '1, 2', language: 'zh-CN' }));
    expect(fake.sends.at(-1)!.extra.language).toBe('cmn-CN');
    await fake.receipt(sent.providerRef, 'ringing');
    expect(twilioReceiptStatus(formOf(sink.received.at(-1)!.raw))).toMatchObject({ status: 'ringing', ref: sent.providerRef });
  });

  it('refuses bad credentials as an auth error, accepts good ones', async () => {
    await expect(twilio().verifyCredentials()).resolves.toBeUndefined();
    const bad = new TwilioProvider({ ...creds, auth_token: 'nope' }, http, fake.url);
    await expect(bad.verifyCredentials()).rejects.toBeInstanceOf(ProviderAuthError);
    await expect(bad.sendSms(message())).rejects.toThrow(/HTTP 401: 20003 Authenticate/);
  });

  it('lists every number across pages with capabilities and type', async () => {
    const numbers = await twilio().listNumbers();
    expect(numbers).toHaveLength(1205);
    expect(numbers[0]).toEqual({ number: '+15005550006', type: 'local', sms: true, voice: true });
    expect(numbers[1]).toEqual({ number: '+18005550100', type: 'tollfree', sms: true, voice: false });
    expect(numbers.at(-1)).toMatchObject({ number: '+14155551202', sms: true });
  });

  it('turns a vendor 400, a 500 and a timeout into provider API errors', async () => {
    await expect(twilio().sendSms(message({ from: '+19995550000' }))).rejects.toThrow(/HTTP 400: 21606/);
    fake.failWith = 500;
    const err = await twilio()
      .sendSms(message())
      .catch((e) => e);
    expect(err).toBeInstanceOf(ProviderApiError);
    expect(err.retryable).toBe(true);
    fake.failWith = undefined;
    fake.hang = true;
    const started = Date.now();
    await expect(twilio().sendSms(message())).rejects.toThrow(/timed out after 800 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('computes the documented signature test vector', () => {
    // Given out of order on purpose: the names must be sorted.
    const params = { To: '+18005551212', Digits: '1234', CallSid: 'CA1234567890ABCDE', From: '+14158675309', Caller: '+14158675309' };
    expect(twilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', params)).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });
});
