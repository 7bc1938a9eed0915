import type { DeliveryProvider, OutboundMessage, ProviderNumber, SendResult } from '../delivery-provider.js';
import { ProviderApiError } from '../delivery-provider.js';
import { answerError, basicAuth, e164, numberType, withoutPlus, type HttpAnswer, type ProviderHttp } from '../http.js';

export interface PlivoCredentials {
  auth_id: string;
  auth_token: string;
}

/**
 * Plivo's REST API v1: Basic `AuthID:AuthToken`, JSON snake_case bodies, resource paths ending in `/`.
 * SMS: Message/ (202, `message_uuid[0]`); voice: Call/ whose `answer_url` is Signet's own (the gateway answers with
 * `<Speak>` XML; Plivo has no inline XML); credential check: the account get; numbers: Number/, paged by `meta.next`.
 */
export class PlivoProvider implements DeliveryProvider {
  readonly name = 'plivo';

  constructor(
    private readonly creds: PlivoCredentials,
    private readonly http: ProviderHttp,
    private readonly baseUrl: string,
  ) {}

  private get auth(): string {
    return basicAuth(this.creds.auth_id, this.creds.auth_token);
  }

  private url(resource: string): string {
    return `${this.baseUrl}/v1/Account/${encodeURIComponent(this.creds.auth_id)}/${resource}`;
  }

  private failure(answer: HttpAnswer): Error {
    const error = (answer.json as { error?: unknown } | undefined)?.error;
    return answerError(this.name, answer, typeof error === 'string' ? error : JSON.stringify(error ?? answer.text.slice(0, 200)));
  }

  private post(resource: string, body: object): Promise<HttpAnswer> {
    return this.http.call(this.name, {
      method: 'POST',
      url: this.url(resource),
      headers: { authorization: this.auth, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
  }

  private get(url: string): Promise<HttpAnswer> {
    return this.http.call(this.name, { method: 'GET', url, headers: { authorization: this.auth, accept: 'application/json' } });
  }

  async sendSms(m: OutboundMessage): Promise<SendResult> {
    const body: Record<string, string> = { src: withoutPlus(m.from ?? ''), dst: withoutPlus(m.to), text: m.text, type: 'sms' };
    if (m.statusUrl) Object.assign(body, { url: m.statusUrl, method: 'POST' });
    const answer = await this.post('Message/', body);
    const uuid = (answer.json as { message_uuid?: string[] } | undefined)?.message_uuid?.[0];
    if (answer.status !== 202 || !uuid) throw this.failure(answer);
    return { providerRef: uuid };
  }

  async placeVoiceCall(m: OutboundMessage): Promise<SendResult> {
    if (!m.answerUrl) throw new ProviderApiError(this.name, 'a Plivo call needs an answer_url (set SIGNET_PUBLIC_URL)', false);
    const body: Record<string, string> = { from: withoutPlus(m.from ?? ''), to: withoutPlus(m.to), answer_url: m.answerUrl, answer_method: 'POST' };
    if (m.statusUrl) Object.assign(body, { hangup_url: m.statusUrl, hangup_method: 'POST', ring_url: m.statusUrl, ring_method: 'POST' });
    const answer = await this.post('Call/', body);
    const uuid = (answer.json as { request_uuid?: string } | undefined)?.request_uuid;
    if ((answer.status !== 201 && answer.status !== 200) || !uuid) throw this.failure(answer);
    return { providerRef: uuid };
  }

  async verifyCredentials(): Promise<void> {
    const answer = await this.get(this.url(''));
    if (answer.status !== 200) throw this.failure(answer);
  }

  async listNumbers(): Promise<ProviderNumber[]> {
    const numbers: ProviderNumber[] = [];
    let url: string | null = this.url('Number/?limit=20&offset=0');
    const origin = new URL(this.baseUrl).origin;
    while (url) {
      const answer: HttpAnswer = await this.get(url);
      if (answer.status !== 200) throw this.failure(answer);
      const page = answer.json as {
        meta: { next: string | null };
        objects: { number: string; number_type?: string; sms_enabled: boolean; voice_enabled: boolean }[];
      };
      for (const n of page.objects) {
        const type = n.number_type === 'tollfree' ? 'tollfree' : n.number_type === 'shortcode' ? 'shortcode' : numberType(n.number);
        numbers.push({ number: e164(n.number), type, sms: !!n.sms_enabled, voice: !!n.voice_enabled });
      }
      url = page.meta?.next ? `${origin}${page.meta.next}` : null;
    }
    return numbers;
  }
}
