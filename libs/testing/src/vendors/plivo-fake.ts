import { randomBytes, randomUUID } from 'node:crypto';
import { plivoSignatureV2, plivoSignatureV3 } from '@signet/providers';
import { FakeVendor, basicUser, postWebhook, type FakeAnswer, type FakeRequest, type FakeSend } from './fake-vendor.js';

export interface FakePlivoNumber {
  /** digits, no + (as Plivo lists them) */
  number: string;
  number_type?: 'local' | 'tollfree' | 'mobile' | 'fixed';
  sms: boolean;
  voice: boolean;
}

interface Account {
  authId: string;
  token: string;
  numbers: FakePlivoNumber[];
}

const fail = (status: number, error: string): FakeAnswer => ({ status, body: { api_id: randomUUID(), error } });
const digits = (n: string): string => n.replace(/[\s()+./-]/g, '');

/**
 * Plivo's REST API v1 as documented: Basic AuthID:AuthToken, JSON bodies, paths ending in `/`, 202 `message_uuid[]`,
 * 201 `request_uuid` for calls, `{api_id, error}` errors, Number/ paged by limit (≤ 20)/offset with `meta.next`; the
 * call's `answer_url` fetched (POST form, V2 and V3 signed) and its `<Speak>` text kept; callbacks signed V2 + V3.
 */
export class FakePlivo extends FakeVendor {
  private readonly accounts = new Map<string, Account>();
  /** What each answered call spoke, by request uuid. */
  readonly spoken = new Map<string, string>();

  addAccount(numbers: FakePlivoNumber[]): { auth_id: string; auth_token: string } {
    const authId = `MA${randomBytes(9).toString('hex').toUpperCase()}`;
    const token = randomBytes(20).toString('hex');
    this.accounts.set(authId, { authId, token, numbers });
    return { auth_id: authId, auth_token: token };
  }

  protected isSendPath(path: string): boolean {
    return path.endsWith('/Message/') || path.endsWith('/Call/');
  }

  protected handle(req: FakeRequest): FakeAnswer {
    const m = req.url.pathname.match(/^\/v1\/Account\/([^/]+)\/(?:(Message|Call|Number)\/)?$/);
    if (!m) return fail(404, 'not found');
    const creds = basicUser(req.headers.authorization);
    const account = this.accounts.get(m[1]);
    if (!creds || !account || creds.user !== m[1] || creds.password !== account.token)
      return { status: 401, body: 'Could not verify your access level for that URL.\nYou have to login with proper credentials', contentType: 'text/html' };
    const resource = m[2];
    if (!resource && req.method === 'GET') {
      return {
        status: 200,
        body: {
          api_id: randomUUID(),
          account_type: 'standard',
          auth_id: account.authId,
          billing_mode: 'prepaid',
          cash_credits: '12.50000',
          name: 'fake',
          resource_uri: `/v1/Account/${account.authId}/`,
        },
      };
    }
    if (resource === 'Number' && req.method === 'GET') return this.numbers(account, req.url);
    if (req.method !== 'POST') return fail(405, 'method not allowed');
    if (!String(req.headers['content-type']).includes('application/json')) return fail(400, 'content type must be application/json');
    const body = (req.json ?? {}) as Record<string, string>;
    if (resource === 'Message') {
      if (!body.src || !body.dst) return fail(400, 'src and dst are required');
      const owned = account.numbers.find((n) => n.number === digits(body.src));
      if (!owned?.sms) return fail(400, `${body.src} is not a valid source number for this account`);
      if (!/^\d{7,15}$/.test(digits(body.dst))) return fail(400, `'${body.dst}' is not a valid phone number.`);
      const uuid = randomUUID();
      this.record({
        kind: 'sms',
        ref: uuid,
        account: account.authId,
        from: digits(body.src),
        to: digits(body.dst),
        text: body.text ?? '',
        callbackUrl: body.url,
        extra: {},
      });
      return { status: 202, body: { api_id: randomUUID(), message: 'message(s) queued', message_uuid: [uuid] } };
    }
    if (!body.from || !body.to || !body.answer_url) return fail(400, 'from, to and answer_url are required');
    const owned = account.numbers.find((n) => n.number === digits(body.from));
    if (!owned?.voice) return fail(400, `${body.from} is not a valid caller id for this account`);
    const uuid = randomUUID();
    this.record({
      kind: 'voice',
      ref: uuid,
      account: account.authId,
      from: digits(body.from),
      to: digits(body.to),
      text: '',
      callbackUrl: body.hangup_url,
      extra: { answer_url: body.answer_url },
    });
    return { status: 201, body: { api_id: randomUUID(), message: 'call fired', request_uuid: uuid } };
  }

  private numbers(account: Account, url: URL): FakeAnswer {
    const limit = Math.min(20, Number(url.searchParams.get('limit') ?? 20));
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const slice = account.numbers.slice(offset, offset + limit);
    const path = `/v1/Account/${account.authId}/Number/`;
    return {
      status: 200,
      body: {
        api_id: randomUUID(),
        meta: {
          limit,
          offset,
          total_count: account.numbers.length,
          next: offset + limit < account.numbers.length ? `${path}?limit=${limit}&offset=${offset + limit}` : null,
          previous: offset > 0 ? `${path}?limit=${limit}&offset=${Math.max(0, offset - limit)}` : null,
        },
        objects: slice.map((n) => ({
          number: n.number,
          number_type: n.number_type ?? 'local',
          sms_enabled: n.sms,
          voice_enabled: n.voice,
          mms_enabled: false,
          alias: null,
          region: 'fake',
          resource_uri: `${path}${n.number}/`,
        })),
      },
    };
  }

  private signedHeaders(token: string, url: string, params: Record<string, string>): Record<string, string> {
    const nonce = String(Math.floor(Math.random() * 1e16)).padStart(16, '1') + '0000';
    return {
      'content-type': 'application/x-www-form-urlencoded',
      'x-plivo-signature-v2': plivoSignatureV2(token, url, nonce),
      'x-plivo-signature-v2-nonce': nonce,
      'x-plivo-signature-v3': plivoSignatureV3(token, url, nonce, params),
      'x-plivo-signature-v3-nonce': nonce,
    };
  }

  /** The call is answered: Plivo POSTs to the answer_url and plays the `<Speak>` XML it gets back. */
  async answer(ref: string, opts: { signWith?: string } = {}): Promise<{ status: number; text: string }> {
    const send = this.sends.find((s) => s.ref === ref && s.kind === 'voice');
    if (!send) throw new Error(`no call ${ref}`);
    return this.fetchXml(send, String(send.extra.answer_url), {}, opts.signWith);
  }

  /**
   * The callee presses a key during the answer's `<GetDigits>`: Plivo posts `Digits` to its `action` and plays the
   * XML that answers. Undefined when the last answer asked for no key.
   */
  async pressKey(ref: string, key = '1'): Promise<{ status: number; text: string } | undefined> {
    const send = this.sends.find((s) => s.ref === ref && s.kind === 'voice');
    const action = send?.extra.get_digits_action;
    if (!send || typeof action !== 'string') return undefined;
    return this.fetchXml(send, action.replaceAll('&amp;', '&'), { Digits: key });
  }

  private async fetchXml(send: FakeSend, url: string, extra: Record<string, string>, signWith?: string): Promise<{ status: number; text: string }> {
    const account = this.accounts.get(send.account) as Account;
    const params = {
      CallUUID: randomUUID(),
      RequestUUID: send.ref,
      From: send.from,
      To: send.to,
      CallStatus: 'in-progress',
      Direction: 'outbound',
      Event: 'StartApp',
      ...extra,
    };
    const res = await postWebhook(url, this.signedHeaders(signWith ?? account.token, url, params), new URLSearchParams(params).toString());
    const speak = res.text.match(/<Speak[^>]*>([\s\S]*?)<\/Speak>/)?.[1];
    if (res.status === 200 && speak) {
      send.text = speak;
      send.extra.language = res.text.match(/<Speak[^>]*language="([^"]+)"/)?.[1];
      send.extra.get_digits_action = res.text.match(/<GetDigits[^>]*action="([^"]+)"/)?.[1];
      this.spoken.set(send.ref, speak);
    }
    return res;
  }

  /** Posts a message status callback (sms) or hangup callback (voice), signed V2 + V3 with the account's token. */
  async receipt(
    ref: string,
    status: string,
    opts: { errorCode?: string; signWith?: string; unsigned?: boolean } = {},
  ): Promise<{ status: number; text: string }> {
    const send = this.sends.find((s) => s.ref === ref);
    if (!send?.callbackUrl) throw new Error(`no callback for ${ref}`);
    const account = this.accounts.get(send.account) as Account;
    const params: Record<string, string> =
      send.kind === 'sms'
        ? { MessageUUID: ref, ParentMessageUUID: ref, Status: status, From: send.from, To: send.to, Type: 'sms', Units: '1', Sequence: '1' }
        : { RequestUUID: ref, CallUUID: randomUUID(), CallStatus: status, From: send.from, To: send.to, Direction: 'outbound', Event: 'Hangup' };
    if (opts.errorCode) params[send.kind === 'sms' ? 'ErrorCode' : 'HangupCauseCode'] = opts.errorCode;
    const headers = opts.unsigned
      ? { 'content-type': 'application/x-www-form-urlencoded' }
      : this.signedHeaders(opts.signWith ?? account.token, send.callbackUrl, params);
    return postWebhook(send.callbackUrl, headers, new URLSearchParams(params).toString());
  }
}
