import type { EventEnvelope } from '@signet/contracts/common';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Applies an event at most once: the id is recorded in the same transaction as the event's effects, so a
 * redelivery (or a second replica) finds it and does nothing. True when this call applied it.
 */
export async function handleOnce(ds: DataSource, schema: string, event: EventEnvelope, apply: (em: EntityManager) => Promise<void>): Promise<boolean> {
  return ds.transaction(async (em) => {
    const fresh: unknown[] = await em.query(
      `WITH p AS (INSERT INTO "${schema}".processed_events (id, type) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id) SELECT id FROM p`,
      [event.id, event.type],
    );
    if (fresh.length === 0) return false;
    await apply(em);
    return true;
  });
}

/** Ids older than the stream keeps events (7 days) can never be redelivered, so they need not be remembered. */
export async function pruneProcessedEvents(ds: DataSource, schema: string): Promise<void> {
  await ds.query(`DELETE FROM "${schema}".processed_events WHERE processed_at < now() - interval '8 days'`);
}
