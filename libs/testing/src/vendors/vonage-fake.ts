import { createHash, generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { vonageSmsSignature } from '@signet/providers';
import { FakeVendor, basicUser, postWebhook, type FakeAnswer, type FakeRequest } from './fake-vendor.js';

export interface FakeVonageNumber {
  /** digits, no + */
  msisdn: string;
  type?: 'mobile-lvn' | 'landline' | 'landline-toll-free';
  sms: boolean;
  voice: boolean;
}

interface Account {
  key: string;
  secret: string;
  signatureSecret: string;
  applicationId: string;
  publicKey: KeyObject;
  numbers: FakeVonageNumber[];
}

export interface FakeVonageCredentials {
  api_key: string;
  api_secret: string;
  application_id: string;
  private_key: string;
  signature_secret: string;
}

const smsAnswer = (messages: object[]): FakeAnswer => ({ status: 200, body: { 'message-count': String(messages.length), messages } });
const unauthorized: FakeAnswer = { status: 401, body: { 'error-code': '401', 'error-code-label': 'authentication failed' } };

/**
 * Vonage as documented: the SMS API (`/sms/json`, key+secret by Basic or params, form or JSON, HTTP 200 always with
 * a per-message `status`, `client-ref` echoed), the Voice API (`/v1/calls`, RS256 JWT of the application checked
 * against its public key, inline NCCO), `account/get-balance`, `account/numbers` (index/size/count), DLRs with an
 * md5hash `sig` and voice events with an HS256 `Authorization: Bearer` JWT carrying `payload_hash`.
 */
export class FakeVonage extends FakeVendor {
  private readonly accounts = new Map<string, Account>();

  addAccount(numbers: FakeVonageNumber[]): FakeVonageCredentials {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = randomBytes(4).toString('hex');
    const account: Account = {
      key,
      secret: randomBytes(8).toString('hex'),
      signatureSecret: randomBytes(16).toString('hex'),
      applicationId: randomUUID(),
      publicKey,
      numbers,
    };
    this.accounts.set(key, account);
    return {
      api_key: key,
      api_secret: account.secret,
      application_id: account.applicationId,
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
      signature_secret: account.signatureSecret,
    };
  }

  protected isSendPath(path: string): boolean {
    return path === '/sms/json' || path === '/v1/calls';
  }

  private keySecret(req: FakeRequest): Account | undefined {
    const basic = basicUser(req.headers.authorization);
    const key = basic?.user ?? req.params.api_key ?? req.url.searchParams.get('api_key') ?? '';
    const secret = basic?.password ?? req.params.api_secret ?? req.url.searchParams.get('api_secret') ?? '';
    const account = this.accounts.get(key);
    return account && account.secret === secret ? account : undefined;
  }

  protected async handle(req: FakeRequest): Promise<FakeAnswer> {
    const path = req.url.pathname;
    if (path === '/sms/json' && req.method === 'POST') return this.sms(req);
    if (path === '/v1/calls' && req.method === 'POST') return this.call(req);
    if (path === '/account/get-balance' && req.method === 'GET')
      return this.keySecret(req) ? { status: 200, body: { value: 10.171275, autoReload: false } } : unauthorized;
    if (path === '/account/numbers' && req.method === 'GET') {
      const account = this.keySecret(req);
      if (!account) return unauthorized;
      const size = Math.min(100, Number(req.url.searchParams.get('size') ?? 10));
      const index = Number(req.url.searchParams.get('index') ?? 1);
      const slice = account.numbers.slice((index - 1) * size, index * size);
      return {
        status: 200,
        body: {
          count: account.numbers.length,
          numbers: slice.map((n) => ({
            country: 'US',
            msisdn: n.msisdn,
            type: n.type ?? 'mobile-lvn',
            features: [...(n.sms ? ['SMS'] : []), ...(n.voice ? ['VOICE'] : [])],
          })),
        },
      };
    }
    return { status: 404, body: { type: 'NOT_FOUND', title: 'Not found' } };
  }

  private sms(req: FakeRequest): FakeAnswer {
    const account = this.keySecret(req);
    if (!account) return smsAnswer([{ status: '4', 'error-text': 'Bad Credentials' }]);
    const { from, to, text } = req.params;
    if (!from || !to || !text) return smsAnswer([{ status: '2', 'error-text': 'Missing from, to or text' }]);
    if (!/^\d{7,15}$/.test(to)) return smsAnswer([{ status: '3', 'error-text': 'Invalid to' }]);
    if (!account.numbers.some((n) => n.msisdn === from && n.sms)) return smsAnswer([{ status: '15', 'error-text': 'Illegal Sender Address - rejected' }]);
    const id = randomBytes(8).toString('hex').toUpperCase();
    const ref = req.params['client-ref'];
    this.record({ kind: 'sms', ref: id, account: account.key, from, to, text, callbackUrl: req.params.callback, extra: { clientRef: ref } });
    return smsAnswer([
      { to, 'message-id': id, status: '0', 'remaining-balance': '10.0', 'message-price': '0.0333', network: '310260', ...(ref ? { 'client-ref': ref } : {}) },
    ]);
  }

  private async call(req: FakeRequest): Promise<FakeAnswer> {
    const token = String(req.headers.authorization ?? '').match(/^Bearer (.+)$/)?.[1];
    let account: Account | undefined;
    for (const a of this.accounts.values()) {
      if (!token) break;
      try {
        const { payload } = await jwtVerify(token, a.publicKey, { algorithms: ['RS256'] });
        if (payload.application_id === a.applicationId && payload.jti && payload.iat && payload.exp) account = a;
      } catch {
        // not this application's key
      }
    }
    if (!account) return { status: 401, body: { type: 'UNAUTHORIZED', error_title: 'Unauthorized' } };
    const body = (req.json ?? {}) as {
      to?: { number: string }[];
      from?: { number: string };
      ncco?: { action: string; text?: string; language?: string }[];
      event_url?: string[];
    };
    const to = body.to?.[0]?.number;
    const from = body.from?.number;
    const talkAction = body.ncco?.find((a) => a.action === 'talk');
    const talk = talkAction?.text;
    if (!to || !from || !talk)
      return {
        status: 400,
        body: { type: 'https://developer.nexmo.com/api-errors#bad-request', title: 'Bad Request', detail: 'to, from and a talk ncco are required' },
      };
    if (!account.numbers.some((n) => n.msisdn === from && n.voice))
      return {
        status: 400,
        body: { type: 'https://developer.nexmo.com/api-errors#bad-request', title: 'Bad Request', detail: `${from} is not a number of this account` },
      };
    const uuid = randomUUID();
    this.record({
      kind: 'voice',
      ref: uuid,
      account: account.key,
      from,
      to,
      text: talk,
      callbackUrl: body.event_url?.[0],
      extra: { language: talkAction?.language ?? 'en-US' },
    });
    return { status: 201, body: { uuid, status: 'started', direction: 'outbound', conversation_uuid: `CON-${randomUUID()}` } };
  }

  /** An SMS DLR (POST form) signed with `sig` (md5hash), or a voice event (POST JSON) with an HS256 JWT. */
  async receipt(
    ref: string,
    status: string,
    opts: { errorCode?: string; signWith?: string; unsigned?: boolean } = {},
  ): Promise<{ status: number; text: string }> {
    const send = this.sends.find((s) => s.ref === ref);
    if (!send?.callbackUrl) throw new Error(`no callback for ${ref}`);
    const account = this.accounts.get(send.account) as Account;
    const secret = opts.signWith ?? account.signatureSecret;
    if (send.kind === 'sms') {
      const now = new Date();
      const params: Record<string, string> = {
        msisdn: send.to,
        to: send.from,
        'network-code': '310260',
        messageId: ref,
        price: '0.0333',
        status,
        scts: now.toISOString().slice(2, 16).replace(/[-T:]/g, ''),
        'err-code': opts.errorCode ?? '0',
        'api-key': account.key,
        'message-timestamp': now.toISOString().slice(0, 19).replace('T', ' '),
        timestamp: String(Math.floor(now.getTime() / 1000)),
        nonce: randomUUID(),
      };
      if (send.extra.clientRef) params['client-ref'] = String(send.extra.clientRef);
      if (!opts.unsigned) params.sig = vonageSmsSignature(secret, params, 'md5hash');
      return postWebhook(send.callbackUrl, { 'content-type': 'application/x-www-form-urlencoded' }, new URLSearchParams(params).toString());
    }
    const body = JSON.stringify({
      from: send.from,
      to: send.to,
      uuid: ref,
      conversation_uuid: `CON-${randomUUID()}`,
      status,
      direction: 'outbound',
      timestamp: new Date().toISOString(),
    });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (!opts.unsigned) {
      const jwt = await new SignJWT({
        iss: 'Vonage',
        payload_hash: createHash('sha256').update(body).digest('hex'),
        api_key: account.key,
        application_id: account.applicationId,
      })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuedAt()
        .setJti(randomUUID())
        .sign(new TextEncoder().encode(secret));
      headers.authorization = `Bearer ${jwt}`;
    }
    return postWebhook(send.callbackUrl, headers, body);
  }
}
