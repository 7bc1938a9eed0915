import { z } from 'zod';
import { callerSchema, lenientEnum } from '@signet/contracts/common';

export const CALLBACK_STATUSES = ['pending', 'delivered', 'failed', 'gone'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

export const callbackListRequest = z.object({ caller: callerSchema, session_uuid: z.string() });
export type CallbackListRequest = z.infer<typeof callbackListRequest>;

export const callbackRetryRequest = z.object({ caller: callerSchema, callback_uuid: z.string() });
export type CallbackRetryRequest = z.infer<typeof callbackRetryRequest>;

const time = z
  .string({ error: 'must be a time' })
  .refine(
    (v) => !Number.isNaN(Date.parse(v.includes(' ') && !v.includes('T') ? `${v.replace(' ', 'T')}Z` : v)),
    'must be an ISO 8601 or YYYY-MM-DD HH:MM[:ss] UTC time',
  );

/** POST …/Verify/Callback/Retry/: re-send every failed callback created in [from, to) (at most 31 days apart). */
export const callbackRetryFailedBody = z
  .object({
    status: lenientEnum(['failed'] as const),
    from: time,
    to: time,
  })
  .refine((b) => parseTime(b.from) < parseTime(b.to), { message: 'from must be before to', path: ['from'] })
  .refine((b) => parseTime(b.to) - parseTime(b.from) <= 31 * 24 * 3600_000, { message: 'the window is at most 31 days', path: ['to'] });
export type CallbackRetryFailedBody = z.infer<typeof callbackRetryFailedBody>;

export function parseTime(v: string): number {
  return Date.parse(v.includes(' ') && !v.includes('T') ? `${v.replace(' ', 'T')}Z` : v);
}

export const callbackRetryFailedRequest = z.object({ caller: callerSchema, body: callbackRetryFailedBody });
export type CallbackRetryFailedRequest = z.infer<typeof callbackRetryFailedRequest>;

export interface CallbackTryView {
  number: number;
  time: string;
  http_status: number | null;
  latency_ms: number;
  error: string | null;
  /** The first 1 KB of the receiver's answer. */
  response: string | null;
  replay: boolean;
}

export interface CallbackView {
  callback_uuid: string;
  session_uuid: string;
  event: string;
  event_time: string;
  url: string;
  method: 'GET' | 'POST';
  status: CallbackStatus;
  fields: Record<string, string>;
  next_try_at: string | null;
  created_at: string;
  tries: CallbackTryView[];
}

export interface CallbackListResult {
  callbacks: CallbackView[];
}

export interface CallbackRetryResult {
  message: string;
  callback_uuid: string;
}

export interface CallbackRetryFailedResult {
  message: string;
  count: number;
}

const callbackTryView = z.object({
  number: z.number(),
  time: z.string(),
  http_status: z.number().nullable(),
  latency_ms: z.number(),
  error: z.string().nullable(),
  response: z.string().nullable(),
  replay: z.boolean(),
});
const callbackView = z.object({
  callback_uuid: z.string(),
  session_uuid: z.string(),
  event: z.string(),
  event_time: z.string(),
  url: z.string(),
  method: z.enum(['GET', 'POST']),
  status: z.enum(CALLBACK_STATUSES),
  fields: z.record(z.string(), z.string()),
  next_try_at: z.string().nullable(),
  created_at: z.string(),
  tries: z.array(callbackTryView),
});
export const callbackListResult = z.object({ callbacks: z.array(callbackView) });
export const callbackRetryResult = z.object({ message: z.string(), callback_uuid: z.string() });
export const callbackRetryFailedResult = z.object({ message: z.string(), count: z.number() });
