import { z } from 'zod';

/**
 * A vendor webhook as the gateway received it, for verify to check against the sender's credentials: the path and
 * query Signet was called on (verify prefixes SIGNET_PUBLIC_URL), the signature headers, the raw body and its params.
 */
export const receiptRequest = z.object({
  provider: z.enum(['twilio', 'plivo', 'vonage']),
  channel: z.enum(['sms', 'voice']),
  attempt_uuid: z.string(),
  path: z.string().max(2048),
  method: z.enum(['GET', 'POST']),
  headers: z.record(z.string(), z.string()),
  raw_body: z.string().max(65536),
  params: z.record(z.string(), z.string()),
});
export type ReceiptRequest = z.infer<typeof receiptRequest>;

export const receiptResult = z.strictObject({
  /** Whether the attempt's status moved (a late or repeated receipt changes nothing). */
  changed: z.boolean(),
  status: z.string(),
});
export type ReceiptResult = z.infer<typeof receiptResult>;

/** Plivo's answer_url request for a voice attempt (and a `<GetDigits>` key press posted back to it): verify answers with the XML. */
export const answerRequest = receiptRequest.omit({ channel: true, provider: true });
export type AnswerRequest = z.infer<typeof answerRequest>;

export const answerResult = z.strictObject({ xml: z.string() });
export type AnswerResult = z.infer<typeof answerResult>;

/** The headers the receipts route forwards (every vendor's signature scheme). */
export const RECEIPT_HEADERS = [
  'x-twilio-signature',
  'x-plivo-signature-v2',
  'x-plivo-signature-v2-nonce',
  'x-plivo-signature-v3',
  'x-plivo-signature-v3-nonce',
  'authorization',
  'content-type',
] as const;
