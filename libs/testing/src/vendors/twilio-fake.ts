import { randomUUID } from 'node:crypto';
import { twilioSignature } from '@signet/providers';
import { FakeVendor, basicUser, hex, postWebhook, type FakeAnswer, type FakeRequest } from './fake-vendor.js';

export interface FakeTwilioNumber {
  phone_number: string;
  sms: boolean;
  voice: boolean;
}

interface Account {
  sid: string;
  token: string;
  status: 'active' | 'suspended';
  numbers: FakeTwilioNumber[];
}

const rfc2822 = (d = new Date()): string => d.toUTCString().replace('GMT', '+0000');
const error = (status: number, code: number, message: string): FakeAnswer => ({
  status,
  body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
});

/**
 * Twilio's REST API 2010-04-01 as documented: Basic AccountSid:AuthToken (the path's sid must be the user), form
 * bodies, 201 Message/Call resources, error bodies `{code, message, more_info, status}`, IncomingPhoneNumbers paged
 * with `Page`/`PageSize`/`next_page_uri`, and status callbacks POSTed form-encoded with `X-Twilio-Signature`.
 */
export class FakeTwilio extends FakeVendor {
  private readonly accounts = new Map<string, Account>();

  addAccount(numbers: FakeTwilioNumber[], status: Account['status'] = 'active'): { account_sid: string; auth_token: string } {
    const sid = `AC${hex(32)}`;
    const token = hex(32);
    this.accounts.set(sid, { sid, token, status, numbers });
    return { account_sid: sid, auth_token: token };
  }

  protected isSendPath(path: string): boolean {
    return path.endsWith('/Messages.json') || path.endsWith('/Calls.json');
  }

  protected handle(req: FakeRequest): FakeAnswer {
    const m = req.url.pathname.match(/^\/2010-04-01\/Accounts\/([^/.]+)(\.json|\/(Messages|Calls|IncomingPhoneNumbers)\.json)$/);
    if (!m) return error(404, 20404, 'The requested resource was not found');
    const creds = basicUser(req.headers.authorization);
    const account = this.accounts.get(m[1]);
    if (!creds || !account || creds.user !== m[1] || creds.password !== account.token) return error(401, 20003, 'Authenticate');
    const resource = m[3];
    if (!resource && req.method === 'GET') {
      return {
        status: 200,
        body: { sid: account.sid, friendly_name: 'fake', status: account.status, type: 'Full', owner_account_sid: account.sid, date_created: rfc2822() },
      };
    }
    if (resource === 'IncomingPhoneNumbers' && req.method === 'GET') return this.numbers(account, req.url);
    if (req.method !== 'POST') return error(405, 20004, 'Method not allowed');
    if (account.status !== 'active') return error(401, 20005, 'Account not active');
    const to = req.params.To;
    const from = req.params.From;
    if (!to || !from) return error(400, 21604, "A 'To' and 'From' phone number is required.");
    if (!/^\+\d{7,15}$/.test(to)) return error(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    const owned = account.numbers.find((n) => n.phone_number === from);
    if (resource === 'Messages') {
      if (!owned || !owned.sms)
        return error(400, 21606, `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`);
      if (!req.params.Body) return error(400, 21602, 'Message body is required.');
      const sid = `SM${hex(32)}`;
      this.record({ kind: 'sms', ref: sid, account: account.sid, from, to, text: req.params.Body, callbackUrl: req.params.StatusCallback, extra: {} });
      return {
        status: 201,
        body: {
          sid,
          account_sid: account.sid,
          to,
          from,
          body: req.params.Body,
          status: 'queued',
          num_segments: '1',
          num_media: '0',
          direction: 'outbound-api',
          api_version: '2010-04-01',
          date_created: rfc2822(),
          price: null,
          error_code: null,
          error_message: null,
          uri: `/2010-04-01/Accounts/${account.sid}/Messages/${sid}.json`,
        },
      };
    }
    if (!owned || !owned.voice) return error(400, 21210, `The source phone number provided, ${from}, is not yet verified for your account.`);
    const say = req.params.Twiml?.match(/<Say[^>]*>([\s\S]*?)<\/Say>/)?.[1];
    if (!say && !req.params.Url) return error(400, 21205, 'Url or Twiml parameter is required.');
    const sid = `CA${hex(32)}`;
    this.record({
      kind: 'voice',
      ref: sid,
      account: account.sid,
      from,
      to,
      text: say ?? '',
      callbackUrl: req.params.StatusCallback,
      extra: { events: req.form.getAll('StatusCallbackEvent'), language: req.params.Twiml?.match(/<Say[^>]*language="([^"]+)"/)?.[1] ?? 'en-US' },
    });
    return {
      status: 201,
      body: { sid, account_sid: account.sid, to, from, status: 'queued', direction: 'outbound-api', api_version: '2010-04-01', date_created: rfc2822() },
    };
  }

  private numbers(account: Account, url: URL): FakeAnswer {
    const pageSize = Math.min(1000, Number(url.searchParams.get('PageSize') ?? 50));
    const page = Number(url.searchParams.get('Page') ?? 0);
    const slice = account.numbers.slice(page * pageSize, (page + 1) * pageSize);
    const base = `/2010-04-01/Accounts/${account.sid}/IncomingPhoneNumbers.json`;
    const more = (page + 1) * pageSize < account.numbers.length;
    return {
      status: 200,
      body: {
        incoming_phone_numbers: slice.map((n) => ({
          sid: `PN${hex(32)}`,
          phone_number: n.phone_number,
          friendly_name: n.phone_number,
          capabilities: { voice: n.voice, sms: n.sms, mms: false, fax: false },
          status: 'in-use',
        })),
        page,
        page_size: pageSize,
        start: page * pageSize,
        end: page * pageSize + slice.length - 1,
        uri: `${base}?PageSize=${pageSize}&Page=${page}`,
        first_page_uri: `${base}?PageSize=${pageSize}&Page=0`,
        next_page_uri: more ? `${base}?PageSize=${pageSize}&Page=${page + 1}&PageToken=PA${randomUUID().slice(0, 8)}` : null,
        previous_page_uri: null,
      },
    };
  }

  /** Posts the status callback of an accepted message or call, signed with the account's token (or `signWith`). */
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
        ? {
            MessageSid: ref,
            SmsSid: ref,
            MessageStatus: status,
            SmsStatus: status,
            AccountSid: account.sid,
            From: send.from,
            To: send.to,
            ApiVersion: '2010-04-01',
          }
        : { CallSid: ref, CallStatus: status, AccountSid: account.sid, From: send.from, To: send.to, Direction: 'outbound-api', ApiVersion: '2010-04-01' };
    if (opts.errorCode) params.ErrorCode = opts.errorCode;
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (!opts.unsigned) headers['x-twilio-signature'] = twilioSignature(opts.signWith ?? account.token, send.callbackUrl, params);
    return postWebhook(send.callbackUrl, headers, new URLSearchParams(params).toString());
  }
}
