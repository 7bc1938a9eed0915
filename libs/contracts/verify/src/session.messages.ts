import { z } from 'zod';
import { callerSchema, lenientEnum, lenientInt, lenientString, listResult, microsString, optional, pageSchema } from '@signet/contracts/common';

export const CHANNELS = ['sms', 'voice'] as const;
export type Channel = (typeof CHANNELS)[number];
export const SESSION_STATUSES = ['in-progress', 'verified', 'expired'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

const uuid = z.uuid({ error: 'must be a UUID' });

/** The body of POST …/Verify/Session/ as Plivo's SDKs and curl send it. */
export const sessionCreateBody = z.object({
  recipient: lenientString.pipe(z.string().min(1, 'recipient is required').max(32, 'recipient is too long')),
  app_uuid: optional(uuid),
  channel: optional(lenientEnum(CHANNELS)).default('sms'),
  url: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2048)),
  method: optional(z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(['GET', 'POST'], { error: 'must be GET or POST' }))).default(
    'POST',
  ),
  locale: optional(z.string().regex(/^[a-z]{2}([_-][A-Za-z]{2})?$/, 'must be a language code like en or en_US')).default('en'),
  brand_name: optional(z.string().max(64, 'must be at most 64 characters')),
  app_hash: optional(z.string().max(32, 'must be at most 32 characters')),
  code_length: optional(lenientInt.pipe(z.number().min(4, 'must be 4 to 8').max(8, 'must be 4 to 8'))),
  /** Voice: 1 (or true) asks the callee to press a key before the code is read (Plivo calls; others read it at once). */
  dtmf: optional(z.preprocess((v) => (typeof v === 'boolean' || v === 'true' || v === 'false' ? Number(v === true || v === 'true') : v), lenientInt)),
  /** `"skip"` (or `false`) lets a trusted user's attempt past Fraud Shield. */
  fraud_check: optional(z.union([z.boolean(), z.string().max(16)])),
  /** Values for the app's programmable rate-limit buckets, by bucket name. */
  rate_limits: optional(z.record(z.string().max(32), lenientString.pipe(z.string().min(1, 'must not be empty').max(256, 'must be at most 256 characters')))),
});
export type SessionCreateBody = z.infer<typeof sessionCreateBody>;

export const sessionCreateRequest = z.object({ caller: callerSchema, requestor_ip: z.string().nullable(), body: sessionCreateBody });
export type SessionCreateRequest = z.infer<typeof sessionCreateRequest>;
export const sessionCreateResult = z.strictObject({ message: z.literal('Session initiated'), session_uuid: z.string() });
export type SessionCreateResult = z.infer<typeof sessionCreateResult>;

export const sessionRef = z.object({ caller: callerSchema, session_uuid: z.string() });
export type SessionRef = z.infer<typeof sessionRef>;

/** The validate body; the seed's curl sends `OTP`, the SDKs `otp`, as a string or a number. */
export const sessionValidateBody = z.preprocess(
  (v) => (v && typeof v === 'object' && !('otp' in v) && 'OTP' in v ? { ...v, otp: (v as { OTP: unknown }).OTP } : v),
  z.object({ otp: lenientString.pipe(z.string().min(1, 'otp is required').max(16, 'otp is too long')) }),
);
export const sessionValidateRequest = sessionRef.extend({ body: sessionValidateBody });
export type SessionValidateRequest = z.infer<typeof sessionValidateRequest>;
export const sessionValidateResult = z.strictObject({ message: z.literal('session validated successfully.') });
export type SessionValidateResult = z.infer<typeof sessionValidateResult>;

const sessionTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?$/, 'must be YYYY-MM-DD HH:MM[:ss[.uuuuuu]]')
  .refine((v) => !Number.isNaN(Date.parse(v.includes(' ') ? `${v.replace(' ', 'T')}Z` : `${v}T00:00Z`)), 'is not a real date and time');

/** List filters; the Node SDK spells `session_time__gt` as `session_time_gt`, so both are accepted. */
export const sessionListQuery = pageSchema.extend({
  app_uuid: optional(uuid),
  status: optional(lenientEnum(SESSION_STATUSES)),
  recipient: optional(z.string().max(32)),
  subaccount: optional(z.string().max(64)),
  brand_name: optional(z.string().max(64)),
  app_hash: optional(z.string().max(32)),
  country: optional(z.string().regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 alpha-2 code')),
  alias: optional(z.string().max(120)),
  session_time: optional(sessionTime),
  session_time__gt: optional(sessionTime),
  session_time__gte: optional(sessionTime),
  session_time__lt: optional(sessionTime),
  session_time__lte: optional(sessionTime),
});
export type SessionListQuery = z.infer<typeof sessionListQuery>;

/** Folds the SDK's single-underscore spellings into Plivo's documented ones. */
export function normalizeSessionListQuery(q: Record<string, unknown>): Record<string, unknown> {
  const out = { ...q };
  for (const op of ['gt', 'gte', 'lt', 'lte']) {
    const sdk = `session_time_${op}`;
    if (out[sdk] !== undefined && out[`session_time__${op}`] === undefined) out[`session_time__${op}`] = out[sdk];
    delete out[sdk];
  }
  return out;
}

export const sessionListRequest = z.object({ caller: callerSchema, query: sessionListQuery });
export type SessionListRequest = z.infer<typeof sessionListRequest>;

export const attemptDetail = z.strictObject({ channel: z.enum(CHANNELS), attempt_uuid: z.string(), status: z.string(), time: z.string() });
export type AttemptDetail = z.infer<typeof attemptDetail>;

export const sessionView = z.strictObject({
  session_uuid: z.string(),
  app_uuid: z.string(),
  alias: z.string(),
  recipient: z.string(),
  channel: z.enum(CHANNELS),
  locale: z.string(),
  status: z.enum(SESSION_STATUSES),
  count: z.number(),
  requestor_ip: z.string().nullable(),
  destination_country_iso2: z.string().nullable(),
  destination_network: z.string().nullable(),
  attempt_details: z.array(attemptDetail),
  /** Micro-units from billing's ledger (the gateway renders Plivo's decimal strings). */
  charges: z.strictObject({
    total_charge_micros: microsString,
    validation_charge_micros: microsString,
    attempt_charges: z.array(z.strictObject({ attempt_uuid: z.string(), channel: z.enum(CHANNELS), charge_micros: microsString })),
  }),
  created_at: z.string(),
  updated_at: z.string(),
});
export type SessionView = z.infer<typeof sessionView>;

export const sessionListResult = listResult(sessionView, 'sessions');
export type SessionListResult = z.infer<typeof sessionListResult>;
