import { z } from 'zod';
import { callerSchema } from '@signet/contracts/common';

export const attemptRef = z.object({ caller: callerSchema, attempt_uuid: z.string() });
export type AttemptRef = z.infer<typeof attemptRef>;

/** One try of an attempt at one sender, in order. */
export const attemptTryView = z.strictObject({
  sequence: z.number(),
  /** null: the platform sender */
  sender_uuid: z.string().nullable(),
  provider: z.string(),
  from_number: z.string().nullable(),
  provider_ref: z.string().nullable(),
  /** sending (in flight) · accepted · refused (API error) · skipped (no serving number / open circuit) · unconfirmed */
  outcome: z.enum(['sending', 'accepted', 'refused', 'skipped', 'unconfirmed']),
  error: z.string().nullable(),
  started_at: z.string(),
  ended_at: z.string().nullable(),
});
export type AttemptTryView = z.infer<typeof attemptTryView>;

export const attemptView = z.strictObject({
  attempt_uuid: z.string(),
  session_uuid: z.string(),
  channel: z.enum(['sms', 'voice']),
  status: z.string(),
  error_code: z.string().nullable(),
  sender_uuid: z.string().nullable(),
  provider: z.string().nullable(),
  provider_ref: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  tries: z.array(attemptTryView),
});
export type AttemptView = z.infer<typeof attemptView>;
