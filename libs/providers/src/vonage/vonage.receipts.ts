import { createHash, createHmac } from 'node:crypto';
import { jwtVerify } from 'jose';
import type { DeliveryStatus } from '../delivery-provider.js';
import { safeEqual } from '../receipt.js';

export type VonageSigMethod = 'md5hash' | 'md5hmac' | 'sha1hmac' | 'sha256hmac' | 'sha512hmac';

/**
 * The SMS API `sig`: every param but `sig`, sorted by name, as `&name=value` with `&` and `=` in values replaced by
 * `_`; md5hash = hex(MD5(string + secret)), the HMACs = hex(HMAC(secret, string)). Compared case-insensitively.
 */
export function vonageSmsSignature(secret: string, params: Record<string, string>, method: VonageSigMethod = 'md5hash'): string {
  const s = Object.keys(params)
    .filter((k) => k !== 'sig')
    .sort()
    .map((k) => `&${k}=${params[k].replace(/[&=]/g, '_')}`)
    .join('');
  if (method === 'md5hash')
    return createHash('md5')
      .update(s + secret)
      .digest('hex');
  const alg = method.replace('hmac', '');
  return createHmac(alg, secret).update(s).digest('hex').toUpperCase();
}

export function verifyVonageSmsSignature(secret: string, params: Record<string, string>, method: VonageSigMethod = 'md5hash'): boolean {
  if (!params.sig) return false;
  return safeEqual(vonageSmsSignature(secret, params, method).toLowerCase(), params.sig.toLowerCase());
}

/** A voice event webhook's `Authorization: Bearer` JWT: HS256 with the signature secret, `payload_hash` = sha256(body). */
export async function verifyVonageWebhookJwt(secret: string, authorization: string | undefined, rawBody: string, maxAgeSeconds = 300): Promise<boolean> {
  const token = authorization?.match(/^Bearer (.+)$/)?.[1];
  if (!token) return false;
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ['HS256'], maxTokenAge: maxAgeSeconds });
    const hash = createHash('sha256').update(rawBody).digest('hex');
    return typeof payload.payload_hash === 'string' && safeEqual(payload.payload_hash, hash);
  } catch {
    return false;
  }
}

const SMS: Record<string, DeliveryStatus> = {
  accepted: 'sent',
  buffered: 'sent',
  delivered: 'delivered',
  expired: 'undelivered',
  failed: 'failed',
  rejected: 'failed',
  unknown: 'undelivered',
};
const CALL: Record<string, DeliveryStatus> = {
  started: 'in-progress',
  ringing: 'ringing',
  answered: 'in-progress',
  completed: 'completed',
  busy: 'failed',
  cancelled: 'failed',
  failed: 'failed',
  rejected: 'failed',
  timeout: 'failed',
  unanswered: 'failed',
};

export function vonageSmsReceiptStatus(params: Record<string, string>): { status: DeliveryStatus; errorCode: string | null; ref: string } | undefined {
  const status = SMS[params.status ?? ''];
  const errorCode = params['err-code'] && params['err-code'] !== '0' ? params['err-code'] : null;
  return status && params.messageId ? { status, errorCode, ref: params.messageId } : undefined;
}

export function vonageCallEventStatus(body: Record<string, unknown>): { status: DeliveryStatus; errorCode: string | null; ref: string } | undefined {
  const status = CALL[String(body.status ?? '')];
  return status && typeof body.uuid === 'string' ? { status, errorCode: status === 'failed' ? String(body.status) : null, ref: body.uuid } : undefined;
}
