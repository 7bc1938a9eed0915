import type { DeliveryProvider, OutboundMessage, ProviderNumber, SendResult } from '../delivery-provider.js';
import { ProviderAuthError } from '../delivery-provider.js';
import { answerError, basicAuth, numberType, type HttpAnswer, type ProviderHttp } from '../http.js';
import { pollyVoice } from '../polly-voices.js';

export interface TwilioCredentials {
  account_sid: string;
  auth_token: string;
}

interface TwilioError {
  code?: number;
  message?: string;
}

const xmlEscape = (s: string): string => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);

/**
 * Twilio's REST API 2010-04-01: Basic `AccountSid:AuthToken`, form-encoded PascalCase bodies, JSON answers.
 * SMS: Messages.json (201, `sid` SM…); voice: Calls.json with inline TwiML `<Say>` (a Polly voice of the language); credential check: the account
 * fetch; numbers: IncomingPhoneNumbers.json, paged by `next_page_uri`.
 */
export class TwilioProvider implements DeliveryProvider {
  readonly name = 'twilio';

  constructor(
    private readonly creds: TwilioCredentials,
    private readonly http: ProviderHttp,
    private readonly baseUrl: string,
  ) {}

  private get auth(): string {
    return basicAuth(this.creds.account_sid, this.creds.auth_token);
  }

  private accountPath(resource: string): string {
    return `${this.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(this.creds.account_sid)}${resource}`;
  }

  private async post(resource: string, form: URLSearchParams): Promise<HttpAnswer> {
    return this.http.call(this.name, {
      method: 'POST',
      url: this.accountPath(resource),
      headers: { authorization: this.auth, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
    });
  }

  private failure(answer: HttpAnswer): Error {
    const body = (answer.json ?? {}) as TwilioError;
    return answerError(this.name, answer, `${body.code ?? '-'} ${body.message ?? answer.text.slice(0, 200)}`);
  }

  async sendSms(m: OutboundMessage): Promise<SendResult> {
    const form = new URLSearchParams({ To: m.to, From: m.from ?? '', Body: m.text });
    if (m.statusUrl) form.set('StatusCallback', m.statusUrl);
    const answer = await this.post('/Messages.json', form);
    const sid = (answer.json as { sid?: string } | undefined)?.sid;
    if (answer.status !== 201 || !sid) throw this.failure(answer);
    return { providerRef: sid };
  }

  async placeVoiceCall(m: OutboundMessage): Promise<SendResult> {
    const { language, voice } = pollyVoice(m.language);
    const twiml = `<Response><Say language="${language}" voice="${voice}">${xmlEscape(m.text)}</Say></Response>`;
    const form = new URLSearchParams({ To: m.to, From: m.from ?? '', Twiml: twiml });
    if (m.statusUrl) {
      form.set('StatusCallback', m.statusUrl);
      for (const ev of ['initiated', 'ringing', 'answered', 'completed']) form.append('StatusCallbackEvent', ev);
    }
    const answer = await this.post('/Calls.json', form);
    const sid = (answer.json as { sid?: string } | undefined)?.sid;
    if (answer.status !== 201 || !sid) throw this.failure(answer);
    return { providerRef: sid };
  }

  async verifyCredentials(): Promise<void> {
    const answer = await this.http.call(this.name, {
      method: 'GET',
      url: this.accountPath('.json'),
      headers: { authorization: this.auth, accept: 'application/json' },
    });
    if (answer.status !== 200) throw this.failure(answer);
    const status = (answer.json as { status?: string } | undefined)?.status;
    if (status !== 'active') throw new ProviderAuthError(this.name, `account is ${status ?? 'unknown'}`);
  }

  async listNumbers(): Promise<ProviderNumber[]> {
    const numbers: ProviderNumber[] = [];
    let url: string | null = this.accountPath('/IncomingPhoneNumbers.json?PageSize=1000');
    while (url) {
      const answer: HttpAnswer = await this.http.call(this.name, { method: 'GET', url, headers: { authorization: this.auth, accept: 'application/json' } });
      if (answer.status !== 200) throw this.failure(answer);
      const page = answer.json as {
        incoming_phone_numbers: { phone_number: string; capabilities: { sms: boolean; voice: boolean } }[];
        next_page_uri: string | null;
      };
      for (const n of page.incoming_phone_numbers) {
        numbers.push({ number: n.phone_number, type: numberType(n.phone_number), sms: !!n.capabilities.sms, voice: !!n.capabilities.voice });
      }
      url = page.next_page_uri ? `${this.baseUrl}${page.next_page_uri}` : null;
    }
    return numbers;
  }
}
