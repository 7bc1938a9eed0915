import { createPrivateKey, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { DeliveryProvider, OutboundMessage, ProviderNumber, SendResult } from '../delivery-provider.js';
import { ProviderApiError, ProviderAuthError } from '../delivery-provider.js';
import { answerError, basicAuth, e164, numberType, withoutPlus, type HttpAnswer, type ProviderHttp } from '../http.js';

export interface VonageCredentials {
  api_key: string;
  api_secret: string;
  /** Voice only: the Vonage application whose private key signs the RS256 JWT. */
  application_id?: string;
  private_key?: string;
  /** Receipts: the account's signature secret (SMS `sig`, voice webhook JWT); unset: the api secret. */
  signature_secret?: string;
}

/** The talk action's language: BCP 47, except Arabic (`ar`) and Mandarin (`cmn-CN`). */
export function vonageLanguage(language: string | undefined): string {
  if (!language) return 'en-US';
  if (language.startsWith('ar')) return 'ar';
  if (language === 'zh-CN') return 'cmn-CN';
  return language;
}

/** SMS API `status` codes that mean the account itself was refused. */
const SMS_AUTH_REFUSED = new Set(['4', '8', '14']);
/** SMS API `status` codes worth a retry (throttled, internal error). */
const SMS_RETRYABLE = new Set(['1', '5']);

/**
 * Vonage: the SMS API on the REST host (Basic key:secret, form body, always HTTP 200 with a per-message `status`,
 * `client-ref` = the attempt), the Voice API on the API host (RS256 JWT from the application's private key, inline
 * NCCO `talk`), `account/get-balance` as the credential check, `account/numbers` paged by index/size/count.
 */
export class VonageProvider implements DeliveryProvider {
  readonly name = 'vonage';

  constructor(
    private readonly creds: VonageCredentials,
    private readonly http: ProviderHttp,
    private readonly restUrl: string,
    private readonly apiUrl: string,
  ) {}

  private get auth(): string {
    return basicAuth(this.creds.api_key, this.creds.api_secret);
  }

  async sendSms(m: OutboundMessage): Promise<SendResult> {
    const form = new URLSearchParams({ from: withoutPlus(m.from ?? ''), to: withoutPlus(m.to), text: m.text, 'client-ref': m.attemptId });
    if (m.statusUrl) form.set('callback', m.statusUrl);
    form.set('status-report-req', '1');
    const answer = await this.http.call(this.name, {
      method: 'POST',
      url: `${this.restUrl}/sms/json`,
      headers: { authorization: this.auth, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
    });
    if (answer.status !== 200) throw answerError(this.name, answer, answer.text.slice(0, 200));
    const first = (answer.json as { messages?: { status: string; 'message-id'?: string; 'error-text'?: string }[] } | undefined)?.messages?.[0];
    if (!first) throw new ProviderApiError(this.name, 'SMS API answered without messages', true, 200);
    if (first.status !== '0' || !first['message-id']) {
      const why = `status ${first.status}: ${first['error-text'] ?? ''}`;
      if (SMS_AUTH_REFUSED.has(first.status)) throw new ProviderAuthError(this.name, why, 200);
      throw new ProviderApiError(this.name, why, SMS_RETRYABLE.has(first.status), 200);
    }
    return { providerRef: first['message-id'] };
  }

  private async voiceJwt(): Promise<string> {
    const { application_id, private_key } = this.creds;
    if (!application_id || !private_key) throw new ProviderApiError(this.name, 'voice needs application_id and private_key', false);
    const key = createPrivateKey(private_key);
    return new SignJWT({ application_id })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime('15m')
      .sign(key);
  }

  async placeVoiceCall(m: OutboundMessage): Promise<SendResult> {
    const body: Record<string, unknown> = {
      to: [{ type: 'phone', number: withoutPlus(m.to) }],
      from: { type: 'phone', number: withoutPlus(m.from ?? '') },
      ncco: [{ action: 'talk', text: m.text, language: vonageLanguage(m.language) }],
    };
    if (m.statusUrl) Object.assign(body, { event_url: [m.statusUrl], event_method: 'POST' });
    const answer = await this.http.call(this.name, {
      method: 'POST',
      url: `${this.apiUrl}/v1/calls`,
      headers: { authorization: `Bearer ${await this.voiceJwt()}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
    const uuid = (answer.json as { uuid?: string } | undefined)?.uuid;
    if (answer.status !== 201 || !uuid) {
      const b = (answer.json ?? {}) as { title?: string; error_title?: string; detail?: string };
      throw answerError(this.name, answer, `${b.title ?? b.error_title ?? ''} ${b.detail ?? ''}`.trim() || answer.text.slice(0, 200));
    }
    return { providerRef: uuid };
  }

  async verifyCredentials(): Promise<void> {
    const answer = await this.http.call(this.name, {
      method: 'GET',
      url: `${this.restUrl}/account/get-balance`,
      headers: { authorization: this.auth, accept: 'application/json' },
    });
    if (answer.status !== 200)
      throw answerError(this.name, answer, (answer.json as { 'error-code-label'?: string } | undefined)?.['error-code-label'] ?? answer.text.slice(0, 200));
    if (this.creds.private_key) {
      try {
        createPrivateKey(this.creds.private_key);
      } catch {
        throw new ProviderAuthError(this.name, 'private_key is not a PEM private key');
      }
    }
  }

  async listNumbers(): Promise<ProviderNumber[]> {
    const numbers: ProviderNumber[] = [];
    const size = 100;
    for (let index = 1; ; index++) {
      const answer: HttpAnswer = await this.http.call(this.name, {
        method: 'GET',
        url: `${this.restUrl}/account/numbers?index=${index}&size=${size}`,
        headers: { authorization: this.auth, accept: 'application/json' },
      });
      if (answer.status !== 200) throw answerError(this.name, answer, answer.text.slice(0, 200));
      const page = answer.json as { count: number; numbers?: { msisdn: string; type: string; features: string[] }[] };
      for (const n of page.numbers ?? []) {
        const type = n.type === 'landline-toll-free' ? 'tollfree' : numberType(n.msisdn);
        numbers.push({ number: e164(n.msisdn), type, sms: n.features.includes('SMS'), voice: n.features.includes('VOICE') });
      }
      if (index * size >= page.count || (page.numbers ?? []).length === 0) break;
    }
    return numbers;
  }
}
