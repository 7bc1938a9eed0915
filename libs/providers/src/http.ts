import { Agent, request } from 'undici';
import { inSpan, SpanKind, traceHeaders } from '@signet/tracing';
import { ProviderApiError, ProviderAuthError } from './delivery-provider.js';

export interface HttpTimeouts {
  /** TCP (and TLS) connect. */
  connectTimeoutMs: number;
  /** The whole exchange, connect to last body byte. */
  totalTimeoutMs: number;
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = { connectTimeoutMs: 2000, totalTimeoutMs: 5000 };

export interface HttpAnswer {
  status: number;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface HttpCall {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Vendor HTTP through one pooled undici Agent per process (keep-alive connections per origin), with a connect and a
 * total timeout on every call. Anything short of an HTTP answer (refused, reset, timed out) is a `ProviderApiError`.
 */
export class ProviderHttp {
  private readonly agent: Agent;

  constructor(readonly timeouts: HttpTimeouts = DEFAULT_TIMEOUTS) {
    this.agent = new Agent({ connect: { timeout: timeouts.connectTimeoutMs }, keepAliveTimeout: 30_000, connections: 64 });
  }

  /** One client span per call (`POST twilio`), its context sent on as `traceparent`. */
  call(provider: string, call: HttpCall): Promise<HttpAnswer> {
    const attributes = { 'http.request.method': call.method, 'server.address': URL.parse(call.url)?.hostname ?? '', 'signet.provider': provider };
    return inSpan(`${call.method} ${provider}`, { kind: SpanKind.CLIENT, attributes }, async (span) => {
      const answer = await this.send(provider, call);
      span.setAttribute('http.response.status_code', answer.status);
      return answer;
    });
  }

  private async send(provider: string, call: HttpCall): Promise<HttpAnswer> {
    try {
      const res = await request(call.url, {
        method: call.method,
        headers: { ...call.headers, ...traceHeaders() },
        body: call.body,
        dispatcher: this.agent,
        signal: AbortSignal.timeout(this.timeouts.totalTimeoutMs),
      });
      const text = await res.body.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: res.statusCode, text, json };
    } catch (err) {
      const e = err as Error;
      const what = e.name === 'TimeoutError' || e.name === 'AbortError' ? `timed out after ${this.timeouts.totalTimeoutMs} ms` : e.message;
      throw new ProviderApiError(provider, `${call.method} ${new URL(call.url).pathname}: ${what}`, true);
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

/** An HTTP answer that is not the expected success: auth refusals apart, so a sender create can say so. */
export function answerError(provider: string, answer: HttpAnswer, detail: string): ProviderApiError {
  const message = `HTTP ${answer.status}: ${detail}`;
  if (answer.status === 401 || answer.status === 403) return new ProviderAuthError(provider, message, answer.status);
  return new ProviderApiError(provider, message, answer.status >= 500 || answer.status === 429, answer.status);
}

export const basicAuth = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** The type a number has from its shape: 5–6 digits are a short code, NANP 8XX toll-free prefixes are toll-free. */
export function numberType(e164: string): 'local' | 'tollfree' | 'shortcode' {
  const digits = e164.replace(/\D/g, '');
  if (digits.length <= 6) return 'shortcode';
  if (/^1(800|833|844|855|866|877|888)\d{7}$/.test(digits)) return 'tollfree';
  return 'local';
}

export const e164 = (digits: string): string => (digits.length <= 6 || digits.startsWith('+') ? digits : `+${digits}`);
export const withoutPlus = (number: string): string => number.replace(/^\+/, '');
