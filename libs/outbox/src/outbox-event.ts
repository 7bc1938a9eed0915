import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@signet/contracts/common';
import { activeTraceparent } from '@signet/tracing';

/**
 * The DDL every producing service puts in its own schema. A migration holds its own copy of this text, never a call
 * (migrations are frozen once landed: tools/migrations.spec.ts); the outbox-relay spec builds its scratch table with it.
 */
export const outboxTableSql = (schema: string): string => `
  CREATE TABLE "${schema}".outbox_events (
    seq bigserial PRIMARY KEY,
    id uuid NOT NULL UNIQUE,
    subject text NOT NULL,
    payload jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
  );
  CREATE INDEX outbox_events_unpublished ON "${schema}".outbox_events (seq) WHERE published_at IS NULL;`;

/** An event of `type`; while tracing is on it carries the active trace context (consumers continue that trace). */
export function envelope<T>(type: string, data: T): EventEnvelope<T> {
  const traceparent = activeTraceparent();
  return { id: randomUUID(), type, occurred_at: new Date().toISOString(), ...(traceparent ? { traceparent } : {}), data };
}
