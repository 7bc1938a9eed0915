import { z } from 'zod';
import { eventSubject } from '@signet/contracts/common';
import { CHANNELS } from './session.messages.js';

export const VerifyEvents = {
  attemptStatusChanged: eventSubject('verify', 'attempt', 'status_changed'),
  sessionVerified: eventSubject('verify', 'session', 'verified'),
  sessionExpired: eventSubject('verify', 'session', 'expired'),
} as const;

const callbackMethod = z.enum(['GET', 'POST']);

export const attemptStatusChanged = z.object({
  session_uuid: z.string(),
  attempt_uuid: z.string(),
  attempt_sequence: z.number(),
  account_id: z.string(),
  main_account_id: z.string(),
  app_uuid: z.string(),
  channel: z.enum(CHANNELS),
  status: z.string(),
  /** For a failed or undelivered attempt: one of `AttemptErrorCodes`, or the provider's own code from a receipt. */
  error_code: z.string().nullable(),
  /** The caller's sender that took (or last tried) the attempt; null for the platform sender or before any try. */
  sender_uuid: z.string().nullable(),
  /** The provider that took the attempt (`outbox`, `twilio`, `plivo`, `vonage`); null until one accepted it. */
  provider: z.string().nullable(),
  recipient: z.string(),
  session_status: z.string(),
  callback_url: z.string().nullable(),
  callback_method: callbackMethod,
  request_time: z.string(),
});
export type AttemptStatusChanged = z.infer<typeof attemptStatusChanged>;

export const sessionEnded = z.object({
  session_uuid: z.string(),
  account_id: z.string(),
  main_account_id: z.string(),
  app_uuid: z.string(),
  recipient: z.string(),
  status: z.enum(['verified', 'expired']),
  callback_url: z.string().nullable(),
  callback_method: callbackMethod,
});
export type SessionEnded = z.infer<typeof sessionEnded>;

/** Each event subject bound to the schema of its `data`. */
export const VerifyEventSchemas = {
  [VerifyEvents.attemptStatusChanged]: attemptStatusChanged,
  [VerifyEvents.sessionVerified]: sessionEnded,
  [VerifyEvents.sessionExpired]: sessionEnded,
} as const;
