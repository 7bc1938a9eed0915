import { createHmac } from 'node:crypto';
import type { DeliveryStatus } from '../delivery-provider.js';
import { pollyVoice } from '../polly-voices.js';
import { safeEqual } from '../receipt.js';

const hmac = (token: string, data: string): string => createHmac('sha256', token).update(data, 'utf8').digest('base64');

/** `X-Plivo-Signature-V2`: base64(HMAC-SHA256(auth token, scheme://host[:port]/path without the query + nonce)). */
export function plivoSignatureV2(authToken: string, url: string, nonce: string): string {
  return hmac(authToken, `${url.split('?')[0]}${nonce}`);
}

const sortedQuery = (params: Map<string, string[]>): string =>
  [...params.keys()]
    .sort()
    .flatMap((k) => [...(params.get(k) as string[])].sort().map((v) => `${k}=${v}`))
    .join('&');

/**
 * `X-Plivo-Signature-V3` (as the official SDK's v3Security): POST signs the URL with its sorted query, then `.`
 * between query and body when both exist, then the body params as name+value sorted by name; `.` + nonce at the end.
 */
export function plivoSignatureV3(authToken: string, url: string, nonce: string, params: Record<string, string>, method: 'GET' | 'POST' = 'POST'): string {
  const u = new URL(url);
  const base = url.split('?')[0];
  const query = new Map<string, string[]>();
  for (const [k, v] of u.searchParams) query.set(k, [...(query.get(k) ?? []), v]);
  let s: string;
  if (method === 'GET') {
    for (const [k, v] of Object.entries(params)) query.set(k, [...(query.get(k) ?? []), v]);
    s = query.size > 0 ? `${base}?${sortedQuery(query)}` : base;
  } else {
    const keys = Object.keys(params).sort();
    s = base;
    if (query.size > 0 || keys.length > 0) s += `?${sortedQuery(query)}`;
    if (query.size > 0 && keys.length > 0) s += '.';
    s += keys.map((k) => k + params[k]).join('');
  }
  return hmac(authToken, `${s}.${nonce}`);
}

export interface PlivoSignatureHeaders {
  v3?: string;
  v3Nonce?: string;
  v2?: string;
  v2Nonce?: string;
}

/** V3 when present (a header may hold several comma-separated signatures), else V2. */
export function verifyPlivoSignature(
  authToken: string,
  url: string,
  params: Record<string, string>,
  h: PlivoSignatureHeaders,
  method: 'GET' | 'POST' = 'POST',
): boolean {
  if (h.v3 && h.v3Nonce) {
    const expected = plivoSignatureV3(authToken, url, h.v3Nonce, params, method);
    return h.v3.split(',').some((sig) => safeEqual(expected, sig.trim()));
  }
  if (h.v2 && h.v2Nonce) return safeEqual(plivoSignatureV2(authToken, url, h.v2Nonce), h.v2);
  return false;
}

const SMS: Record<string, DeliveryStatus> = {
  queued: 'sent',
  sent: 'sent',
  delivered: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
  rejected: 'failed',
};
const CALL: Record<string, DeliveryStatus> = {
  ringing: 'ringing',
  'in-progress': 'in-progress',
  completed: 'completed',
  busy: 'failed',
  failed: 'failed',
  timeout: 'failed',
  'no-answer': 'failed',
  cancel: 'failed',
};

/** A Plivo message status callback, or a call's ring/hangup callback, as Signet's status. */
export function plivoReceiptStatus(params: Record<string, string>): { status: DeliveryStatus; errorCode: string | null; ref: string } | undefined {
  if (params.MessageUUID) {
    const status = SMS[params.Status ?? ''];
    return status && { status, errorCode: params.ErrorCode || null, ref: params.MessageUUID };
  }
  const ref = params.RequestUUID ?? params.CallUUID;
  const status = CALL[params.CallStatus ?? ''];
  if (!ref || !status) return undefined;
  return { status, errorCode: status === 'failed' ? (params.HangupCauseCode ?? params.HangupCause ?? null) : null, ref };
}

const xmlEscape = (text: string): string =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);

/**
 * The XML Plivo's `answer_url` returns: `speech.text` in a Polly voice of its language. With `getDigits`, the text
 * waits behind a key press: `<GetDigits>` says the prompt (up to three times) and posts the key to `action`, which
 * answers with the text; no key, and the call ends without the code.
 */
export function plivoAnswerXml(speech: { text: string; language?: string }, getDigits?: { prompt: string; action: string }): string {
  const { language, voice } = pollyVoice(speech.language);
  const speak = (text: string) => `<Speak voice="${voice}" language="${language}">${xmlEscape(text)}</Speak>`;
  const body = getDigits
    ? `<GetDigits action="${xmlEscape(getDigits.action)}" method="POST" numDigits="1" timeout="10" retries="2" redirect="true">${speak(getDigits.prompt)}</GetDigits>`
    : speak(speech.text);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Response>${body}</Response>`;
}
