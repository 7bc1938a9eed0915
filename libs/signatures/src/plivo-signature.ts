import { createHmac, randomBytes } from 'node:crypto';
import { parse as parseQuery } from 'node:querystring';

export type SignedMethod = 'GET' | 'POST';

/** The six headers Plivo sends with a callback, named as Plivo names them. */
export interface PlivoSignatureHeaders {
  'X-Plivo-Signature-V2': string;
  'X-Plivo-Signature-V2-Nonce': string;
  'X-Plivo-Signature-Ma-V2': string;
  'X-Plivo-Signature-V3': string;
  'X-Plivo-Signature-V3-Nonce': string;
  'X-Plivo-Signature-Ma-V3': string;
}

export interface SigningTokens {
  /** The owning (sub)account's current auth token: the plain headers. */
  token: string;
  /** Its main account's current token (the same one for a main account): the `-Ma-` headers. */
  mainToken: string;
}

const hmac = (token: string, message: string): string => createHmac('sha256', token).update(message, 'utf8').digest('base64');

/** The URL as the customer wrote it, without query or fragment: never normalised (host case and `:443` kept). */
const baseOf = (url: string): string => url.split('#')[0].split('?')[0];
const queryOf = (url: string): string => {
  const noFragment = url.split('#')[0];
  const at = noFragment.indexOf('?');
  return at < 0 ? '' : noFragment.slice(at + 1);
};

type Multi = Record<string, string[]>;

function merge(target: Multi, source: Record<string, string | string[] | undefined>): Multi {
  for (const [k, v] of Object.entries(source)) {
    if (v === undefined) continue;
    target[k] = [...(target[k] ?? []), ...(Array.isArray(v) ? v : [v])];
  }
  return target;
}

/** `k=v&…` sorted by key, then by value; values are not re-encoded (as Plivo's validators rebuild them). */
const sortedQuery = (params: Multi): string =>
  Object.keys(params)
    .sort()
    .flatMap((k) => [...params[k]].sort().map((v) => `${k}=${v}`))
    .join('&');

/** The V2 message: the URL without its query, then the nonce. */
export const v2Message = (url: string, nonce: string): string => `${baseOf(url)}${nonce}`;

/**
 * The V3 string S (before `.nonce`): GET folds the fields into the query; POST appends `k1v1k2v2…` over the fields
 * sorted by key after `?` + the URL's own sorted query (and a `.` when that query is not empty).
 */
export function v3Base(method: SignedMethod, url: string, fields: Record<string, string>): string {
  const base = baseOf(url);
  const own = merge({}, parseQuery(queryOf(url)));
  if (method === 'GET') {
    const q = sortedQuery(merge(own, fields));
    return q.length > 0 ? `${base}?${q}` : base;
  }
  const keys = Object.keys(fields).sort();
  const q = sortedQuery(own);
  if (keys.length === 0) return q.length > 0 ? `${base}?${q}` : base;
  return `${base}?${q}${q.length > 0 ? '.' : ''}${keys.map((k) => `${k}${fields[k]}`).join('')}`;
}

export const signV2 = (token: string, url: string, nonce: string): string => hmac(token, v2Message(url, nonce));
export const signV3 = (token: string, method: SignedMethod, url: string, fields: Record<string, string>, nonce: string): string =>
  hmac(token, `${v3Base(method, url, fields)}.${nonce}`);

/** A fresh nonce: 20 decimal digits, as Plivo sends. */
export function newNonce(): string {
  const bytes = randomBytes(20);
  return Array.from(bytes, (b) => String(b % 10)).join('');
}

/**
 * Every Plivo signature header for one request to `url` carrying `fields` (form body for POST, added to the query
 * for GET). Tokens are used, never returned or logged.
 */
export function plivoSignatureHeaders(method: SignedMethod, url: string, fields: Record<string, string>, tokens: SigningTokens): PlivoSignatureHeaders {
  const v2Nonce = newNonce();
  const v3Nonce = newNonce();
  return {
    'X-Plivo-Signature-V2': signV2(tokens.token, url, v2Nonce),
    'X-Plivo-Signature-V2-Nonce': v2Nonce,
    'X-Plivo-Signature-Ma-V2': signV2(tokens.mainToken, url, v2Nonce),
    'X-Plivo-Signature-V3': signV3(tokens.token, method, url, fields, v3Nonce),
    'X-Plivo-Signature-V3-Nonce': v3Nonce,
    'X-Plivo-Signature-Ma-V3': signV3(tokens.mainToken, method, url, fields, v3Nonce),
  };
}
