import { performance } from 'node:perf_hooks';
import { guardedAgent } from '@signet/net-guard';
import { sendSignedWebhook, type SigningTokens, type WebhookOutcome } from '@signet/signatures';
import type { Dispatcher } from 'undici';
import type { CallbackFields } from '../events/callback-fields.js';

/** At most this much of an answer is read; the first RECORDED bytes are kept with the try. */
const MAX_READ = 64 * 1024;
const RECORDED = 1024;

export interface OutgoingCallback {
  uuid: string;
  url: string;
  method: 'GET' | 'POST';
  fields: CallbackFields;
  event_time: Date;
  stream_seq: string;
}

export interface SendResult extends WebhookOutcome {
  started_at: Date;
  latency_ms: number;
}

/**
 * Sends one signed callback through the SSRF-guarded agent (the resolved address is checked and pinned per
 * connection), without following redirects, within `timeoutMs` for the whole exchange. Never throws.
 */
export class CallbackSender {
  private readonly agent: Dispatcher;

  constructor(
    private readonly opts: { allowPrivate: boolean; timeoutMs: number; connections?: number },
    agent?: Dispatcher,
  ) {
    this.agent = agent ?? guardedAgent({ allowPrivate: opts.allowPrivate, connectTimeoutMs: opts.timeoutMs, connections: opts.connections });
  }

  async send(cb: OutgoingCallback, tokens: SigningTokens): Promise<SendResult> {
    const started_at = new Date();
    const t0 = performance.now();
    const headers = {
      'user-agent': 'Signet-Callbacks/1.0',
      'x-signet-event-id': cb.uuid,
      'x-signet-event-time': cb.event_time.toISOString(),
      'x-signet-event-sequence': String(cb.stream_seq),
    };
    const outcome = await sendSignedWebhook(this.agent, { method: cb.method, url: cb.url, fields: cb.fields, headers }, tokens, {
      timeoutMs: this.opts.timeoutMs,
      maxRead: MAX_READ,
      record: RECORDED,
    });
    return { started_at, latency_ms: Math.round(performance.now() - t0), ...outcome };
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
