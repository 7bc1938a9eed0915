import { FakePlivo } from '@signet/testing';
import { ProviderApiError, ProviderAuthError } from '../delivery-provider.js';
import { ProviderHttp } from '../http.js';
import { ReceiptSink, formOf } from '../../test/receipt-sink.js';
import { PlivoProvider } from './plivo.provider.js';
import { plivoReceiptStatus, plivoSignatureV2, plivoSignatureV3, plivoAnswerXml, verifyPlivoSignature } from './plivo.receipts.js';

const message = (over: object = {}) => ({
  attemptId: 'a1',
  sessionId: 's1',
  accountId: 'MA1',
  mainAccountId: 'MA1',
  to: '+14155550100',
  from: '+14155550199',
  channel: 'sms' as const,
  text: 'Your code is 123456',
  ...over,
});

const headersOf = (h: Record<string, unknown>) => ({
  v3: h['x-plivo-signature-v3'] as string,
  v3Nonce: h['x-plivo-signature-v3-nonce'] as string,
  v2: h['x-plivo-signature-v2'] as string,
  v2Nonce: h['x-plivo-signature-v2-nonce'] as string,
});

describe('Plivo adapter against the local Plivo fake', () => {
  const fake = new FakePlivo();
  const sink = new ReceiptSink();
  const http = new ProviderHttp({ connectTimeoutMs: 500, totalTimeoutMs: 800 });
  let creds: { auth_id: string; auth_token: string };

  beforeAll(async () => {
    await fake.start();
    await sink.start();
    const many = Array.from({ length: 45 }, (_, i) => ({ number: `1212555${String(i).padStart(4, '0')}`, sms: true, voice: i % 3 === 0 }));
    creds = fake.addAccount([
      { number: '14155550199', sms: true, voice: true },
      { number: '18885550100', number_type: 'tollfree', sms: true, voice: true },
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

  const plivo = () => new PlivoProvider(creds, http, fake.url);

  it('sends an SMS (JSON body, trailing slash) and verifies the V3- and V2-signed status callback', async () => {
    const sent = await plivo().sendSms(message({ statusUrl: `${sink.url}/webhooks/plivo/status/a1?k=v` }));
    expect(fake.sends.at(-1)).toMatchObject({ kind: 'sms', ref: sent.providerRef, from: '14155550199', to: '14155550100' });
    await fake.receipt(sent.providerRef, 'undelivered', { errorCode: '50' });
    const got = sink.received.at(-1)!;
    const params = formOf(got.raw);
    const h = headersOf(got.headers);
    expect(verifyPlivoSignature(creds.auth_token, got.url, params, h)).toBe(true);
    expect(verifyPlivoSignature(creds.auth_token, got.url, params, { v2: h.v2, v2Nonce: h.v2Nonce })).toBe(true);
    expect(verifyPlivoSignature(creds.auth_token, got.url, { ...params, Status: 'delivered' }, h)).toBe(false);
    expect(verifyPlivoSignature('forged', got.url, params, h)).toBe(false);
    expect(verifyPlivoSignature(creds.auth_token, got.url, params, {})).toBe(false);
    expect(plivoReceiptStatus(params)).toEqual({ status: 'undelivered', errorCode: '50', ref: sent.providerRef });
  });

  it('places a call whose answer_url is fetched (signed) and speaks the <Speak> XML it returns', async () => {
    sink.answer = { status: 200, body: plivoAnswerXml({ text: 'Your code is 1, 2, 3', language: 'ar-SA' }), type: 'text/xml' };
    const sent = await plivo().placeVoiceCall(
      message({ channel: 'voice', answerUrl: `${sink.url}/webhooks/plivo/answer/a1`, statusUrl: `${sink.url}/hangup` }),
    );
    await fake.answer(sent.providerRef);
    const got = sink.received.at(-1)!;
    expect(verifyPlivoSignature(creds.auth_token, got.url, formOf(got.raw), headersOf(got.headers))).toBe(true);
    expect(fake.spoken.get(sent.providerRef)).toBe('Your code is 1, 2, 3');
    expect(fake.sends.at(-1)!.extra.language).toBe('arb'); // Polly's code for Arabic
    await expect(plivo().placeVoiceCall(message({ channel: 'voice' }))).rejects.toThrow(/answer_url/);
  });

  it('answers a dtmf call with <GetDigits> around the prompt, posting the key to its action', () => {
    const xml = plivoAnswerXml({ text: 'Code 1, 2', language: 'fr-FR' }, { prompt: 'Appuyez sur une touche', action: 'https://s.example/a?x=1&y=2' });
    expect(xml).toContain('<GetDigits action="https://s.example/a?x=1&amp;y=2" method="POST" numDigits="1"');
    expect(xml).toContain('<Speak voice="Polly.Lea" language="fr-FR">Appuyez sur une touche</Speak></GetDigits></Response>');
    expect(xml).not.toContain('Code 1, 2');
  });

  it('refuses bad credentials, accepts good ones', async () => {
    await expect(plivo().verifyCredentials()).resolves.toBeUndefined();
    await expect(new PlivoProvider({ ...creds, auth_token: 'x' }, http, fake.url).verifyCredentials()).rejects.toBeInstanceOf(ProviderAuthError);
  });

  it('lists every number over limit/offset pages', async () => {
    const numbers = await plivo().listNumbers();
    expect(numbers).toHaveLength(47);
    expect(numbers[1]).toEqual({ number: '+18885550100', type: 'tollfree', sms: true, voice: true });
    expect(numbers.at(-1)).toEqual({ number: '+12125550044', type: 'local', sms: true, voice: false });
  });

  it('maps a 400, a 500 and a timeout to provider API errors', async () => {
    await expect(plivo().sendSms(message({ to: '+1' }))).rejects.toThrow(/HTTP 400: '1' is not a valid phone number/);
    fake.failWith = 500;
    await expect(plivo().sendSms(message())).rejects.toBeInstanceOf(ProviderApiError);
    fake.failWith = undefined;
    fake.hang = true;
    await expect(plivo().sendSms(message())).rejects.toThrow(/timed out/);
  });

  it('computes the documented V2 and V3 vectors', () => {
    expect(plivoSignatureV2('my_auth_token', 'https://answer.url', '12345')).toBe('ehV3IKhLysWBxC1sy8INm0qGoQYdYsHwuoKjsX7FsXc=');
    const params = { MessageUUID: 'db3ce55a-7f1d-11e1-8ea7-1231380bc196', Status: 'delivered', To: '14155550100', From: '14155550199' };
    expect(plivoSignatureV3('my_auth_token', 'https://example.com/plivo/status?ref=abc', '12345678901234567890', params)).toBe(
      'xGIrGWfJiSfUeKb5UecdFHkV5Y9EwxEmkqzrL4UsQ1o=',
    );
    const two = { MessageUUID: params.MessageUUID, Status: 'delivered' };
    expect(plivoSignatureV3('my_auth_token', 'https://example.com/plivo/status', '12345678901234567890', two)).toBe(
      'B4iqsxX2sBWm+lKXu6mnMf0YI17UFtap+Gs3RbprnyY=',
    );
  });
});
