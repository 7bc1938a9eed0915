import { z } from 'zod';
import { callerSchema, lenientBool, lenientEnum, lenientInt, listResult, optional, pageSchema } from '@signet/contracts/common';
import { CHANNELS } from './session.messages.js';

export const DEFAULT_TEMPLATE = 'Your ${brand_name} verification code is ${code}';

/**
 * The automatic channel workflow: attempt n (1-based) is followed, `wait` seconds later and while the session is not
 * verified, by step n+1's channel. Every step but the last waits; `[]` (or null) removes the workflow.
 */
export const workflowSchema = z
  .array(
    z.strictObject({
      channel: lenientEnum(CHANNELS),
      wait: optional(lenientInt.pipe(z.number().min(1, 'wait must be 1 to 86400 seconds').max(86400, 'wait must be 1 to 86400 seconds'))),
    }),
    { error: 'must be a list of steps like {"channel": "sms", "wait": 60}' },
  )
  .max(10, 'at most 10 steps')
  .superRefine((steps, ctx) => {
    steps.forEach((s, i) => {
      const last = i === steps.length - 1;
      if (!last && s.wait === undefined) ctx.addIssue({ code: 'custom', path: [i, 'wait'], message: 'every step but the last needs a wait (seconds)' });
      if (last && s.wait !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'wait'], message: 'the last step has no next attempt to wait for' });
    });
  });
export type Workflow = z.infer<typeof workflowSchema>;

/** A programmable rate-limit bucket (Twilio's shape): at most `max` sends per `interval` seconds per value passed at create. */
export const rateLimitBucket = z.strictObject({
  max: lenientInt.pipe(z.number().min(1, 'max must be 1 to 100000').max(100_000, 'max must be 1 to 100000')),
  interval: lenientInt.pipe(z.number().min(1, 'interval must be 1 to 86400 seconds').max(86_400, 'interval must be 1 to 86400 seconds')),
});
export const RATE_LIMIT_NAME = /^[a-z][a-z0-9_]{0,31}$/;
const rateLimits = z
  .record(z.string().regex(RATE_LIMIT_NAME, 'bucket names are lower-case letters, digits and _ (at most 32)'), rateLimitBucket)
  .refine((r) => Object.keys(r).length <= 5, 'at most 5 buckets');
export type RateLimitBuckets = z.infer<typeof rateLimits>;

const name = z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters');

/** Every setting is optional on update; unset ones keep their value (on create, their default). */
const appFields = {
  name: optional(name),
  brand_name: optional(z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters')),
  otp_length: optional(lenientInt.pipe(z.number().min(4, 'must be 4 to 8').max(8, 'must be 4 to 8'))),
  otp_expiry: optional(lenientInt.pipe(z.number().min(5, 'must be 5 to 86400 seconds').max(86400, 'must be 5 to 86400 seconds'))),
  otp_attempts: optional(lenientInt.pipe(z.number().min(1, 'must be 1 to 10').max(10, 'must be 1 to 10'))),
  max_validation_attempts: optional(lenientInt.pipe(z.number().min(1, 'must be 1 to 10').max(10, 'must be 1 to 10'))),
  sms_channel: optional(lenientBool),
  voice_channel: optional(lenientBool),
  template: optional(
    z
      .string()
      .max(480, 'must be at most 480 characters')
      .refine((t) => t.includes('${code}'), 'must contain ${code}'),
  ),
  template_uuid: optional(z.string().max(64)),
  is_default: optional(lenientBool),
  enable_fraudshield: optional(lenientBool),
  fs_protection_level: optional(lenientEnum(['low', 'medium', 'high'])),
  customer_app_hash: optional(z.string().max(32, 'must be at most 32 characters')),
  /** Named buckets a session create may pass values for (`rate_limits: {"end_user_ip": "…"}`); a full one is a 429. */
  rate_limits: optional(rateLimits),
  /** The caller's senders this app delivers through, primary first (at most 3); the platform sender comes after them. */
  sender_uuids: optional(
    z
      .array(z.uuid({ error: 'must be sender UUIDs' }))
      .max(3, 'at most 3 senders')
      .refine((a) => new Set(a).size === a.length, 'must not repeat a sender'),
  ),
  workflow: z.preprocess((v) => (v === null || (Array.isArray(v) && v.length === 0) ? null : v), workflowSchema.nullable().optional()),
};

export const appCreateBody = z.object({ ...appFields, name: z.preprocess((v) => (v === null ? undefined : v), name) });
export type AppCreateBody = z.infer<typeof appCreateBody>;
export const appUpdateBody = z.object(appFields);
export type AppUpdateBody = z.infer<typeof appUpdateBody>;

export const appCreateRequest = z.object({ caller: callerSchema, body: appCreateBody });
export const appRef = z.object({ caller: callerSchema, app_uuid: z.string() });
export const appUpdateRequest = appRef.extend({ body: appUpdateBody });
export const appListRequest = z.object({ caller: callerSchema, query: pageSchema });
export type AppCreateRequest = z.infer<typeof appCreateRequest>;
export type AppRef = z.infer<typeof appRef>;
export type AppUpdateRequest = z.infer<typeof appUpdateRequest>;
export type AppListRequest = z.infer<typeof appListRequest>;

export const verifyAppView = z.strictObject({
  app_uuid: z.string(),
  name: z.string(),
  brand_name: z.string(),
  otp_length: z.number(),
  otp_expiry: z.number(),
  otp_attempts: z.number(),
  max_validation_attempts: z.number(),
  sms_channel: z.boolean(),
  voice_channel: z.boolean(),
  template: z.string(),
  template_uuid: z.string().nullable(),
  is_default: z.boolean(),
  enable_fraudshield: z.boolean(),
  fs_protection_level: z.string(),
  customer_app_hash: z.string().nullable(),
  rate_limits: z.record(z.string(), z.strictObject({ max: z.number(), interval: z.number() })),
  sender_uuids: z.array(z.string()),
  workflow: z.array(z.strictObject({ channel: z.enum(CHANNELS), wait: z.number().optional() })).nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type VerifyAppView = z.infer<typeof verifyAppView>;

export const appListResult = listResult(verifyAppView, 'verify_apps');
export type AppListResult = z.infer<typeof appListResult>;
