import { FakeVonage, type FakeVonageCredentials } from '@signet/testing';
import { ProviderApiError, ProviderAuthError } from '../delivery-provider.js';
import { ProviderHttp } from '../http.js';
import { ReceiptSink, formOf } from '../../test/receipt-sink.js';
import { VonageProvider } from './vonage.provider.js';
import { verifyVonageSmsSignature, verifyVonageWebhookJwt, vonageCallEventStatus, vonageSmsReceiptStatus, vonageSmsSignature } from './vonage.receipts.js';

const message = (over: object = {}) => ({
  attemptId: '6f1c0d2e-0000-4000-8000-000000000001',
  sessionId: 's1',
  accountId: 'MA1',
  mainAccountId: 'MA1',
  to: '+447700900000',
  from: '+447700900001',
  channel: 'sms' as const,
  text: 'Your code is 123456',
  ...over,
});

describe('Vonage adapter against the local Vonage fake', () => {
  const fake = new FakeVonage();
  const sink = new ReceiptSink();
  const http = new ProviderHttp({ connectTimeoutMs: 500, totalTimeoutMs: 800 });
  let creds: FakeVonageCredentials;

  beforeAll(async () => {
    await fake.start();
    await sink.start();
    const many = Array.from({ length: 230 }, (_, i) => ({ msisdn: `4477009${String(i).padStart(5, '0')}`, sms: true, voice: false }));
    creds = fake.addAccount([
      { msisdn: '447700900001', sms: true, voice: true },
      { msisdn: '18005550100', type: 'landline-toll-free', sms: true, voice: true },
      ...many,
    ]);
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

  const vonage = (over: Partial<FakeVonageCredentials> = {}) => new VonageProvider({ ...creds, ...over }, http, fake.url, fake.url);

  it('sends an SMS with client-ref and verifies the sig-signed DLR', async () => {
    const sent = await vonage().sendSms(message({ statusUrl: `${sink.url}/webhooks/vonage/dlr` }));
    expect(fake.sends.at(-1)).toMatchObject({ kind: 'sms', ref: sent.providerRef, to: '447700900000', extra: { clientRef: message().attemptId } });
    await fake.receipt(sent.providerRef, 'failed', { errorCode: '3' });
    const params = formOf(sink.received.at(-1)!.raw);
    expect(verifyVonageSmsSignature(creds.signature_secret, params)).toBe(true);
    expect(verifyVonageSmsSignature('forged', params)).toBe(false);
    expect(verifyVonageSmsSignature(creds.signature_secret, { ...params, status: 'delivered' })).toBe(false);
    expect(vonageSmsReceiptStatus(params)).toEqual({ status: 'failed', errorCode: '3', ref: sent.providerRef });
  });

  it('places a call with an RS256 application JWT and inline NCCO; the HS256-signed event verifies', async () => {
    const sent = await vonage().placeVoiceCall(message({ channel: 'voice', statusUrl: `${sink.url}/webhooks/vonage/event` }));
    expect(fake.sends.at(-1)).toMatchObject({ kind: 'voice', text: 'Your code is 123456', extra: { language: 'en-US' } });
    await vonage().placeVoiceCall(message({ channel: 'voice', language: 'ar-SA' }));
    expect(fake.sends.at(-1)!.extra.language).toBe('ar');
    await fake.receipt(sent.providerRef, 'answered');
    const got = sink.received.at(-1)!;
    expect(await verifyVonageWebhookJwt(creds.signature_secret, got.headers.authorization, got.raw)).toBe(true);
    expect(await verifyVonageWebhookJwt(creds.signature_secret, got.headers.authorization, got.raw.replace('answered', 'completed'))).toBe(false);
    expect(await verifyVonageWebhookJwt('forged-secret-forged-secret', got.headers.authorization, got.raw)).toBe(false);
    expect(vonageCallEventStatus(JSON.parse(got.raw))).toEqual({ status: 'in-progress', errorCode: null, ref: sent.providerRef });
    const other = new FakeVonage().addAccount([]);
    await expect(vonage({ private_key: other.private_key }).placeVoiceCall(message({ channel: 'voice' }))).rejects.toBeInstanceOf(ProviderAuthError);
  });

  it('checks credentials with the balance and refuses bad ones', async () => {
    await expect(vonage().verifyCredentials()).resolves.toBeUndefined();
    await expect(vonage({ api_secret: 'bad' }).verifyCredentials()).rejects.toBeInstanceOf(ProviderAuthError);
    await expect(vonage({ api_secret: 'bad' }).sendSms(message())).rejects.toBeInstanceOf(ProviderAuthError);
  });

  it('lists every number over index/size pages', async () => {
    const numbers = await vonage().listNumbers();
    expect(numbers).toHaveLength(232);
    expect(numbers[1]).toEqual({ number: '+18005550100', type: 'tollfree', sms: true, voice: true });
    expect(numbers.at(-1)).toEqual({ number: '+447700900229', type: 'local', sms: true, voice: false });
  });

  it('maps an SMS status error (HTTP 200), a 500 and a timeout to provider API errors', async () => {
    await expect(vonage().sendSms(message({ from: '+15550000000' }))).rejects.toThrow(/status 15/);
    fake.failWith = 500;
    await expect(vonage().sendSms(message())).rejects.toBeInstanceOf(ProviderApiError);
    fake.failWith = undefined;
    fake.hang = true;
    await expect(vonage().sendSms(message())).rejects.toThrow(/timed out/);
  });

  it('computes the documented sig vectors', () => {
    const params = {
      'message-timestamp': '2013-11-21 15:27:30',
      messageId: '020000001B0FE827',
      msisdn: '14843472194',
      text: 'Test again',
      timestamp: '1385047698',
      to: '13239877404',
      type: 'text',
    };
    expect(vonageSmsSignature('my_secret_key_for_testing', params, 'md5hash')).toBe('d2e7b1dc968737c5998ad624e02f90b7');
    expect(vonageSmsSignature('my_secret_key_for_testing', params, 'md5hmac')).toBe('DDEBD46008C2D4E93CCE578A332A52D5');
    expect(vonageSmsSignature('my_secret_key_for_testing', params, 'sha256hmac')).toBe('DDB8397C2B90AAC7F3882D306475C9A5058C92322EEF43C92B298B6E0FC0D330');
  });
});
