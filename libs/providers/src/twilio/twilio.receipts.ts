import { createHmac } from 'node:crypto';
import type { DeliveryStatus } from '../delivery-provider.js';
import { safeEqual } from '../receipt.js';

/**
 * `X-Twilio-Signature`: base64(HMAC-SHA1(auth token, the full URL Twilio requested + every POST param's name and
 * value, names sorted)). Multi-valued params contribute each value, sorted.
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string | string[]>): string {
  let data = url;
  for (const key of Object.keys(params).sort()) {
    const values = Array.isArray(params[key]) ? [...new Set(params[key] as string[])].sort() : [params[key] as string];
    for (const v of values) data += key + v;
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export function verifyTwilioSignature(authToken: string, url: string, params: Record<string, string | string[]>, header: string | undefined): boolean {
  return !!header && safeEqual(twilioSignature(authToken, url, params), header);
}

const SMS: Record<string, DeliveryStatus> = {
  queued: 'sent',
  accepted: 'sent',
  sending: 'sent',
  sent: 'sent',
  delivered: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'failed',
};
const CALL: Record<string, DeliveryStatus> = {
  queued: 'in-progress',
  initiated: 'in-progress',
  ringing: 'ringing',
  'in-progress': 'in-progress',
  completed: 'completed',
  busy: 'failed',
  'no-answer': 'failed',
  failed: 'failed',
  canceled: 'failed',
};

/** A Twilio message or call status callback as Signet's status (undefined: a status Signet does not track). */
export function twilioReceiptStatus(params: Record<string, string>): { status: DeliveryStatus; errorCode: string | null; ref: string } | undefined {
  if (params.CallSid) {
    const status = CALL[params.CallStatus ?? ''];
    return status && { status, errorCode: status === 'failed' ? (params.CallStatus ?? null) : null, ref: params.CallSid };
  }
  const status = SMS[params.MessageStatus ?? params.SmsStatus ?? ''];
  const ref = params.MessageSid ?? params.SmsSid;
  return status && ref ? { status, errorCode: params.ErrorCode || null, ref } : undefined;
}
