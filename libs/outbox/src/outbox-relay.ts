import { Logger } from '@nestjs/common';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { counter, eachSource, gauge } from '@signet/metrics';
import { natsSubject } from '@signet/nats';
import type { DataSource } from 'typeorm';

/** The outboxes this process relays, read when scraped (the partial index on unpublished rows keeps it cheap). */
const relayed = new Map<string, DataSource>();
gauge('signet_outbox_unpublished', 'Committed events not yet published to JetStream, per service schema.', ['schema'], async (g) => {
  await eachSource(relayed, g, async (schema, ds) => {
    const [row] = await ds.query(`SELECT count(*)::int AS n FROM "${schema}".outbox_events WHERE published_at IS NULL`);
    g.set({ schema }, row.n);
  });
});
gauge('signet_outbox_lag_seconds', 'Age of the oldest unpublished outbox event (0 when none): the relay lag.', ['schema'], async (g) => {
  await eachSource(relayed, g, async (schema, ds) => {
    const [row] = await ds.query(
      `SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS lag FROM "${schema}".outbox_events WHERE published_at IS NULL`,
    );
    g.set({ schema }, row.lag);
  });
});
const published = counter('signet_outbox_published_total', 'Events the outbox relay published to JetStream, per service schema.', ['schema']);

interface Row {
  seq: string;
  id: string;
  subject: string;
  payload: unknown;
}

/**
 * Publishes what a service committed to its outbox table to JetStream, in commit order, and marks it sent.
 * Rows are claimed with SKIP LOCKED so replicas share the work; the event id is the JetStream message id, so a
 * row published but not yet marked (a crash in between) is dropped by the stream's duplicate window when it is
 * published again. `kick()` after a commit publishes within a few milliseconds, batching what commits meanwhile
 * (one pass per event would cost more than the events); a timer catches everything else.
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private readonly js: JetStreamClient;
  private timer?: NodeJS.Timeout;
  private soon?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = true;
  private lastCleanup = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly schema: string,
    nc: NatsConnection,
    private readonly intervalMs = 250,
    private readonly batchMs = 20,
  ) {
    this.js = jetstream(nc);
  }

  start(): void {
    this.stopped = false;
    relayed.set(this.schema, this.ds);
    this.timer = setInterval(() => this.kick(), this.intervalMs);
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    relayed.delete(this.schema);
    clearInterval(this.timer);
    clearTimeout(this.soon);
    await this.running;
  }

  kick(): void {
    if (this.stopped || this.soon) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.soon = setTimeout(() => this.run(), this.batchMs);
  }

  private run(): void {
    this.soon = undefined;
    this.running = this.drain()
      .catch((err) => this.logger.warn(`relay pass failed: ${(err as Error).message}`))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Passes until the table has nothing unpublished. */
  async drain(): Promise<void> {
    while ((await this.pass()) > 0 && !this.stopped);
    if (Date.now() - this.lastCleanup > 60_000) {
      this.lastCleanup = Date.now();
      await this.ds.query(`DELETE FROM "${this.schema}".outbox_events WHERE published_at < now() - interval '1 day'`);
    }
  }

  /** Claims a batch (marked published inside the transaction), publishes it, commits; a failed publish rolls back. */
  private async pass(): Promise<number> {
    return this.ds.transaction(async (em) => {
      const rows: Row[] = await em.query(
        `WITH claimed AS (
           SELECT seq FROM "${this.schema}".outbox_events
           WHERE published_at IS NULL ORDER BY seq LIMIT 200 FOR UPDATE SKIP LOCKED
         ), marked AS (
           UPDATE "${this.schema}".outbox_events o SET published_at = now() FROM claimed WHERE o.seq = claimed.seq
           RETURNING o.seq, o.id, o.subject, o.payload
         ) SELECT * FROM marked ORDER BY seq`,
      );
      // Pipelined on one connection: the server stores them in the order they were sent.
      await Promise.all(rows.map((row) => this.js.publish(natsSubject(row.subject), JSON.stringify(row.payload), { msgID: row.id })));
      published.inc({ schema: this.schema }, rows.length);
      return rows.length;
    });
  }
}
