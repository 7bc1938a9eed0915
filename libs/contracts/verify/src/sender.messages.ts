import { z } from 'zod';
import { callerSchema, lenientEnum, listResult, optional, pageSchema } from '@signet/contracts/common';

export const SENDER_PROVIDERS = ['twilio', 'plivo', 'vonage'] as const;
export type SenderProvider = (typeof SENDER_PROVIDERS)[number];

const secret = z.string().trim().min(1, 'must not be empty').max(8192);
const channels = z
  .array(lenientEnum(['sms', 'voice']))
  .min(1, 'must name sms, voice or both')
  .max(2);
const numberChoice = z.object({
  number: z
    .string()
    .trim()
    .regex(/^\+?\d{3,15}$/, 'must be an E.164 number or a short code'),
  countries: optional(
    z.array(
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/, 'must be ISO 3166-1 alpha-2 codes'),
    ),
  ),
});
export const senderNumbers = z.array(numberChoice).max(50);
export type SenderNumberChoice = z.infer<typeof numberChoice>;

/** Credentials per provider: Twilio account_sid + auth_token; Plivo auth_id + auth_token; Vonage api_key + api_secret (+ application_id, private_key for voice; signature_secret for receipts). */
export const senderCreateBody = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
  provider: lenientEnum(SENDER_PROVIDERS),
  account_sid: optional(secret),
  auth_id: optional(secret),
  auth_token: optional(secret),
  api_key: optional(secret),
  api_secret: optional(secret),
  application_id: optional(secret),
  private_key: optional(secret),
  signature_secret: optional(secret),
  channels: optional(channels),
  numbers: optional(senderNumbers),
});
export type SenderCreateBody = z.infer<typeof senderCreateBody>;

/** Name, channels and numbers can change; credentials cannot (a new token means a new sender). */
export const senderUpdateBody = z.object({
  name: optional(senderCreateBody.shape.name),
  channels: optional(channels),
  numbers: optional(senderNumbers),
  auth_token: optional(z.unknown()),
  api_secret: optional(z.unknown()),
  account_sid: optional(z.unknown()),
  auth_id: optional(z.unknown()),
  api_key: optional(z.unknown()),
  private_key: optional(z.unknown()),
});
export type SenderUpdateBody = z.infer<typeof senderUpdateBody>;

export const senderCreateRequest = z.object({ caller: callerSchema, body: senderCreateBody });
export const senderRef = z.object({ caller: callerSchema, sender_uuid: z.string() });
export const senderUpdateRequest = senderRef.extend({ body: senderUpdateBody });
export const senderListRequest = z.object({ caller: callerSchema, query: pageSchema });
export type SenderCreateRequest = z.infer<typeof senderCreateRequest>;
export type SenderRef = z.infer<typeof senderRef>;
export type SenderUpdateRequest = z.infer<typeof senderUpdateRequest>;
export type SenderListRequest = z.infer<typeof senderListRequest>;

export const senderNumberView = z.strictObject({
  number: z.string(),
  type: z.enum(['local', 'tollfree', 'shortcode']),
  sms: z.boolean(),
  voice: z.boolean(),
  selected: z.boolean(),
  countries: z.array(z.string()),
});
export type SenderNumberView = z.infer<typeof senderNumberView>;

export const senderView = z.strictObject({
  sender_uuid: z.string(),
  name: z.string(),
  provider: z.enum(SENDER_PROVIDERS),
  channels: z.array(z.enum(['sms', 'voice'])),
  /** The account sid / auth id / api key, and the secret masked (never returned). */
  credentials: z.record(z.string(), z.string()),
  numbers: z.array(senderNumberView),
  created_at: z.string(),
  updated_at: z.string(),
});
export type SenderView = z.infer<typeof senderView>;

export const senderListResult = listResult(senderView, 'senders');
export type SenderListResult = z.infer<typeof senderListResult>;
