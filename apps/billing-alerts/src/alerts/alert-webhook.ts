import { guardedAgent } from '@signet/net-guard';
import { plivoSignatureHeaders, type SigningTokens } from '@signet/signatures';
import { type Dispatcher, request } from 'undici';

/** At most this much of an answer is read (the rest is dropped with the connection). */
const MAX_READ = 16 * 1024;

export interface WebhookResult {
  http_status: number | null;
  error: string | null;
}

export const delivered = (r: WebhookResult): boolean => r.http_status !== null && r.http_status >= 200 && r.http_status < 300;

async function drainCapped(body: Dispatcher.ResponseData['body']): Promise<void> {
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size >= MAX_READ) break; // leaving the loop destroys the stream
  }
}

/**
 * POSTs a balance alert form-encoded to the account's webhook, with the Plivo V2/V3 signature headers status
 * callbacks carry (`X-Plivo-Signature-*` with the main account's token, `-Ma-` the same for a main account), through
 * the SSRF-guarded agent (the resolved address checked and pinned), no redirects followed, within `timeoutMs`. Never
 * throws: the outcome is the status or the error.
 */
export class AlertWebhookSender {
  private readonly agent: Dispatcher;

  constructor(private readonly opts: { allowPrivate: boolean; timeoutMs: number }) {
    this.agent = guardedAgent({ allowPrivate: opts.allowPrivate, connectTimeoutMs: opts.timeoutMs, connections: 8 });
  }

  async send(url: string, fields: Record<string, string>, tokens: SigningTokens): Promise<WebhookResult> {
    const headers = {
      ...plivoSignatureHeaders('POST', url, fields, tokens),
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': 'Signet-Balance-Alerts/1.0',
      'x-signet-event-id': fields.AlertUUID,
    };
    try {
      const res = await request(url, {
        method: 'POST',
        headers,
        body: new URLSearchParams(fields).toString(),
        dispatcher: this.agent,
        signal: AbortSignal.timeout(this.opts.timeoutMs),
        headersTimeout: this.opts.timeoutMs,
        bodyTimeout: this.opts.timeoutMs,
      });
      await drainCapped(res.body);
      return { http_status: res.statusCode, error: null };
    } catch (err) {
      const e = err as Error & { code?: string };
      const reason = e.name === 'TimeoutError' || e.name === 'AbortError' ? `timed out after ${this.opts.timeoutMs} ms` : `${e.code ?? e.name}: ${e.message}`;
      return { http_status: null, error: reason.slice(0, 500) };
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
