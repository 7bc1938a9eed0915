import { z } from 'zod';
import { callerSchema, optional } from '@signet/contracts/common';

/** The dev outbox: what the `outbox` provider "sent", readable by the account that sent it. */
export const outboxListRequest = z.object({
  caller: callerSchema,
  query: z.object({ recipient: optional(z.string().max(32)), limit: z.coerce.number().int().min(1).max(100).default(20) }),
});
export type OutboxListRequest = z.infer<typeof outboxListRequest>;

export interface OutboxMessageView {
  attempt_uuid: string;
  session_uuid: string;
  recipient: string;
  channel: 'sms' | 'voice';
  text: string;
  time: string;
}
