import { type Dispatcher, request } from 'undici';
import { failSpan, inSpan, SpanKind, traceHeaders } from '@signet/tracing';
import { plivoSignatureHeaders, type SigningTokens } from './plivo-signature.js';

export interface SignedWebhook {
  method: 'GET' | 'POST';
  /** Exactly as the customer configured it: it is signed as written. */
  url: string;
  fields: Record<string, string>;
  /** Sent beside the signature headers (user agent, event ids). */
  headers: Record<string, string>;
}

export interface WebhookOutcome {
  http_status: number | null;
  error: string | null;
  /** The first `record` bytes of the answer (empty when none are asked for); null when there was no answer. */
  response: string | null;
}

/** The URL a GET webhook goes to: the customer's URL with the fields added to its query. */
export function getUrl(url: string, fields: Record<string, string>): string {
  const noFragment = url.split('#')[0];
  const q = new URLSearchParams(fields).toString();
  if (q.length === 0) return noFragment;
  return `${noFragment}${noFragment.includes('?') ? (noFragment.endsWith('?') || noFragment.endsWith('&') ? '' : '&') : '?'}${q}`;
}

async function readCapped(body: Dispatcher.ResponseData['body'], maxRead: number, record: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const b = chunk as Buffer;
    if (size < record) chunks.push(b);
    size += b.length;
    if (size >= maxRead) break; // leaving the loop destroys the stream: the rest is never read
  }
  return Buffer.concat(chunks).subarray(0, record).toString('utf8');
}

/**
 * Sends one Plivo-signed webhook (form-encoded for POST, in the query for GET) through `agent` — callers pass the
 * SSRF-guarded one — without following redirects, within `timeoutMs` for the whole exchange, reading at most
 * `maxRead` bytes of the answer. Never throws: the outcome is the status or the error.
 */
export function sendSignedWebhook(
  agent: Dispatcher,
  hook: SignedWebhook,
  tokens: SigningTokens,
  opts: { timeoutMs: number; maxRead: number; record?: number },
): Promise<WebhookOutcome> {
  // One client span per try (`POST webhook`), its context sent on as `traceparent` (the signature does not cover it).
  const attributes = { 'http.request.method': hook.method, 'server.address': URL.parse(hook.url)?.hostname ?? '' };
  return inSpan(`${hook.method} webhook`, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    const outcome = await send(agent, hook, tokens, opts);
    if (outcome.http_status !== null) span.setAttribute('http.response.status_code', outcome.http_status);
    if (outcome.error !== null || (outcome.http_status ?? 0) >= 400) failSpan(span, new Error(outcome.error ?? `HTTP ${outcome.http_status}`));
    return outcome;
  });
}

async function send(
  agent: Dispatcher,
  hook: SignedWebhook,
  tokens: SigningTokens,
  opts: { timeoutMs: number; maxRead: number; record?: number },
): Promise<WebhookOutcome> {
  const post = hook.method === 'POST';
  const headers: Record<string, string> = { ...plivoSignatureHeaders(hook.method, hook.url, hook.fields, tokens), ...hook.headers, ...traceHeaders() };
  if (post) headers['content-type'] = 'application/x-www-form-urlencoded';
  try {
    const res = await request(post ? hook.url : getUrl(hook.url, hook.fields), {
      method: hook.method,
      headers,
      body: post ? new URLSearchParams(hook.fields).toString() : undefined,
      dispatcher: agent,
      signal: AbortSignal.timeout(opts.timeoutMs),
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.timeoutMs,
    });
    const response = await readCapped(res.body, opts.maxRead, opts.record ?? 0);
    return { http_status: res.statusCode, error: null, response };
  } catch (err) {
    const e = err as Error & { code?: string };
    const reason = e.name === 'TimeoutError' || e.name === 'AbortError' ? `timed out after ${opts.timeoutMs} ms` : `${e.code ?? e.name}: ${e.message}`;
    return { http_status: null, error: reason.slice(0, 500), response: null };
  }
}
