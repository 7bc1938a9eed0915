import { guardedAgent } from '@signet/net-guard';
import { sendSignedWebhook, type SigningTokens, type WebhookOutcome } from '@signet/signatures';
import type { Dispatcher } from 'undici';

/** At most this much of an answer is read (the rest is dropped with the connection). */
const MAX_READ = 16 * 1024;

export type WebhookResult = Pick<WebhookOutcome, 'http_status' | 'error'>;

export const delivered = (r: WebhookResult): boolean => r.http_status !== null && r.http_status >= 200 && r.http_status < 300;

/**
 * POSTs a balance alert form-encoded to the account's webhook, signed as status callbacks are (`X-Plivo-Signature-*`
 * with the account's tokens, `-Ma-` the same for a main account), through the SSRF-guarded agent (the resolved address
 * checked and pinned), no redirects followed, within `timeoutMs`. Never throws: the outcome is the status or the error.
 */
export class AlertWebhookSender {
  private readonly agent: Dispatcher;

  constructor(private readonly opts: { allowPrivate: boolean; timeoutMs: number }) {
    this.agent = guardedAgent({ allowPrivate: opts.allowPrivate, connectTimeoutMs: opts.timeoutMs, connections: 8 });
  }

  async send(url: string, fields: Record<string, string>, tokens: SigningTokens): Promise<WebhookResult> {
    const headers = { 'user-agent': 'Signet-Balance-Alerts/1.0', 'x-signet-event-id': fields.AlertUUID };
    const { http_status, error } = await sendSignedWebhook(this.agent, { method: 'POST', url, fields, headers }, tokens, {
      timeoutMs: this.opts.timeoutMs,
      maxRead: MAX_READ,
    });
    return { http_status, error };
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
