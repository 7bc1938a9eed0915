import { z } from 'zod';
import { callerSchema, optional } from '@signet/contracts/common';
import { CHANNELS } from './session.messages.js';

/** The dev outbox: what the `outbox` provider "sent", readable by the account that sent it. */
export const outboxListRequest = z.object({
  caller: callerSchema,
  query: z.object({ recipient: optional(z.string().max(32)), limit: z.coerce.number().int().min(1).max(100).default(20) }),
});
export type OutboxListRequest = z.infer<typeof outboxListRequest>;

export const outboxMessageView = z.strictObject({
  attempt_uuid: z.string(),
  session_uuid: z.string(),
  recipient: z.string(),
  channel: z.enum(CHANNELS),
  text: z.string(),
  time: z.string(),
});
export type OutboxMessageView = z.infer<typeof outboxMessageView>;
export const outboxListResult = z.strictObject({ messages: z.array(outboxMessageView) });
