import { randomUUID } from 'node:crypto';
import { connectNats, ensureEventsStream } from '@signet/nats';
import { eventually, readEvents } from '@signet/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { envelope, outboxTableSql } from './outbox-event.js';
import { OutboxRelay } from './outbox-relay.js';

// Real Postgres and JetStream: a scratch schema with an outbox table, and a subject of this run's own.
describe('OutboxRelay', () => {
  const schema = `outbox_spec_${Date.now()}`;
  const run = randomUUID().slice(0, 8);
  const started = new Date(Date.now() - 1000);
  let ds: DataSource;
  let nc: NatsConnection;

  beforeAll(async () => {
    ds = await new DataSource({ type: 'postgres', url: process.env.DATABASE_URL }).initialize();
    await ds.query(`CREATE SCHEMA "${schema}"`);
    await ds.query(outboxTableSql(schema));
    nc = await connectNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', 'outbox-spec');
    await ensureEventsStream(nc);
  });

  afterAll(async () => {
    await ds.query(`DROP SCHEMA "${schema}" CASCADE`);
    await ds.destroy();
    await nc.drain();
  });

  const commit = async (n: number, subject: string) => {
    const events = Array.from({ length: n }, (_, i) => envelope('spec.happened', { i, run }));
    await ds.transaction(async (em) => {
      for (const e of events) await em.query(`INSERT INTO "${schema}".outbox_events (id, subject, payload) VALUES ($1, $2, $3)`, [e.id, subject, e]);
    });
    return events;
  };

  it('publishes every committed event once, in commit order, exactly as committed — across a relay restart', async () => {
    const subject = `events.spec.${run}.thing.happened.v1`;
    const first = await commit(150, subject);
    // A rolled-back change never becomes an event.
    await ds
      .transaction(async (em) => {
        const e = envelope('spec.happened', { rolledBack: true });
        await em.query(`INSERT INTO "${schema}".outbox_events (id, subject, payload) VALUES ($1, $2, $3)`, [e.id, subject, e]);
        throw new Error('roll back');
      })
      .catch(() => undefined);

    const relay = new OutboxRelay(ds, schema, nc, 50);
    relay.start();
    await relay.drain();
    await relay.stop();

    // Events committed while no relay runs wait in the table, then go out when a new relay starts.
    const second = await commit(20, subject);
    const [{ n: waiting }] = await ds.query(`SELECT count(*)::int AS n FROM "${schema}".outbox_events WHERE published_at IS NULL`);
    expect(waiting).toBe(20);

    // A crash after publishing but before marking: the row is published again and the stream drops the duplicate.
    await ds.query(`UPDATE "${schema}".outbox_events SET published_at = NULL WHERE id = $1`, [first[0].id]);
    const restarted = new OutboxRelay(ds, schema, nc, 50);
    restarted.start();
    await restarted.drain();
    await restarted.stop();

    const events = await readEvents(nc, subject, started, (e) => e.length >= 170);
    expect(events.map((e) => e.envelope)).toEqual([...first, ...second]);
    expect(events.map((e) => e.msgId)).toEqual([...first, ...second].map((e) => e.id));
    const [{ n: left }] = await ds.query(`SELECT count(*)::int AS n FROM "${schema}".outbox_events WHERE published_at IS NULL`);
    expect(left).toBe(0);
  });

  const unpublished = async (ids: string[]): Promise<number> =>
    (await ds.query(`SELECT count(*)::int AS n FROM "${schema}".outbox_events WHERE published_at IS NULL AND id = ANY($1)`, [ids]))[0].n;

  it('publishes within milliseconds of a kick, on its timer without one, and nothing once stopped', async () => {
    const subject = `events.spec.${run}.kick.v1`;
    // The timer is a minute away: only start() and kick() can publish here.
    const kicked = new OutboxRelay(ds, schema, nc, 60_000, 20);
    kicked.start();
    const a = await commit(1, subject);
    kicked.kick();
    await eventually(async () => (await unpublished([a[0].id])) === 0, 1000);
    await kicked.stop();
    const b = await commit(1, subject);
    kicked.kick();
    await new Promise((r) => setTimeout(r, 300));
    expect(await unpublished([b[0].id])).toBe(1);

    // No kick: the timer publishes.
    const timed = new OutboxRelay(ds, schema, nc, 100, 20);
    timed.start();
    await timed.drain();
    const c = await commit(1, subject);
    await eventually(async () => (await unpublished([c[0].id])) === 0, 1000);
    await timed.stop();
  });

  it('deletes rows published more than a day ago on its first pass, and keeps the others', async () => {
    const old = await commit(1, `events.spec.${run}.old.v1`);
    const recent = await commit(1, `events.spec.${run}.recent.v1`);
    await ds.query(`UPDATE "${schema}".outbox_events SET published_at = now() - interval '25 hours' WHERE id = $1`, [old[0].id]);
    await ds.query(`UPDATE "${schema}".outbox_events SET published_at = now() - interval '23 hours' WHERE id = $1`, [recent[0].id]);
    await new OutboxRelay(ds, schema, nc, 60_000).drain();
    const left = (await ds.query(`SELECT id FROM "${schema}".outbox_events WHERE id = ANY($1)`, [[old[0].id, recent[0].id]])).map((r: { id: string }) => r.id);
    expect(left).toEqual([recent[0].id]);
  });
});
