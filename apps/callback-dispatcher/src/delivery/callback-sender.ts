import { performance } from 'node:perf_hooks';
import { guardedAgent } from '@signet/net-guard';
import { plivoSignatureHeaders, type SigningTokens } from '@signet/signatures';
import { type Dispatcher, request } from 'undici';
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

export interface SendResult {
  started_at: Date;
  latency_ms: number;
  http_status: number | null;
  error: string | null;
  response: string | null;
}

/** The URL a GET callback goes to: the customer's URL with the fields added to its query. */
export function getUrl(url: string, fields: Record<string, string>): string {
  const noFragment = url.split('#')[0];
  const q = new URLSearchParams(fields).toString();
  if (q.length === 0) return noFragment;
  return `${noFragment}${noFragment.includes('?') ? (noFragment.endsWith('?') || noFragment.endsWith('&') ? '' : '&') : '?'}${q}`;
}

async function readCapped(body: Dispatcher.ResponseData['body']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const b = chunk as Buffer;
    chunks.push(b);
    size += b.length;
    if (size >= MAX_READ) break; // leaving the loop destroys the stream: the rest is never read
  }
  return Buffer.concat(chunks).subarray(0, RECORDED).toString('utf8');
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
    const headers: Record<string, string> = {
      ...plivoSignatureHeaders(cb.method, cb.url, cb.fields, tokens),
      'user-agent': 'Signet-Callbacks/1.0',
      'x-signet-event-id': cb.uuid,
      'x-signet-event-time': cb.event_time.toISOString(),
      'x-signet-event-sequence': String(cb.stream_seq),
    };
    const post = cb.method === 'POST';
    if (post) headers['content-type'] = 'application/x-www-form-urlencoded';
    try {
      const res = await request(post ? cb.url : getUrl(cb.url, cb.fields), {
        method: cb.method,
        headers,
        body: post ? new URLSearchParams(cb.fields).toString() : undefined,
        dispatcher: this.agent,
        signal: AbortSignal.timeout(this.opts.timeoutMs),
        headersTimeout: this.opts.timeoutMs,
        bodyTimeout: this.opts.timeoutMs,
      });
      const response = await readCapped(res.body);
      return { started_at, latency_ms: Math.round(performance.now() - t0), http_status: res.statusCode, error: null, response };
    } catch (err) {
      const e = err as Error & { code?: string; cause?: Error };
      const reason = e.name === 'TimeoutError' || e.name === 'AbortError' ? `timed out after ${this.opts.timeoutMs} ms` : `${e.code ?? e.name}: ${e.message}`;
      return { started_at, latency_ms: Math.round(performance.now() - t0), http_status: null, error: reason.slice(0, 500), response: null };
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
