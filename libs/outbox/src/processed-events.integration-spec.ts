import { DataSource } from 'typeorm';
import { envelope } from './outbox-event.js';
import { handleOnce, pruneProcessedEvents } from './processed-events.js';

/** The table every consumer's schema holds (each service's migration creates its own copy of it). */
const processedEventsTableSql = (schema: string): string => `
  CREATE TABLE "${schema}".processed_events (id uuid PRIMARY KEY, type text NOT NULL, processed_at timestamptz NOT NULL DEFAULT now());
  CREATE INDEX processed_events_age ON "${schema}".processed_events (processed_at);`;

// Real Postgres: a scratch schema with the processed-events table and a table the "effects" write to.
describe('handleOnce', () => {
  const schema = `processed_spec_${Date.now()}`;
  let ds: DataSource;
  const effects = async () => (await ds.query(`SELECT n FROM "${schema}".effects ORDER BY n`)).map((r: { n: number }) => r.n);

  beforeAll(async () => {
    ds = await new DataSource({ type: 'postgres', url: process.env.DATABASE_URL }).initialize();
    await ds.query(`CREATE SCHEMA "${schema}"`);
    await ds.query(processedEventsTableSql(schema));
    await ds.query(`CREATE TABLE "${schema}".effects (n int NOT NULL)`);
  });
  afterAll(async () => {
    await ds.query(`DROP SCHEMA "${schema}" CASCADE`);
    await ds.destroy();
  });

  it('applies an event once, records its id and type with the effects, and does nothing on a redelivery', async () => {
    const event = envelope('events.spec.thing.happened.v1', { n: 1 });
    const apply = (n: number) => async (em: import('typeorm').EntityManager) => void (await em.query(`INSERT INTO "${schema}".effects (n) VALUES ($1)`, [n]));
    await expect(handleOnce(ds, schema, event, apply(1))).resolves.toBe(true);
    await expect(handleOnce(ds, schema, event, apply(2))).resolves.toBe(false);
    expect(await effects()).toEqual([1]);
    expect(await ds.query(`SELECT id, type FROM "${schema}".processed_events`)).toEqual([{ id: event.id, type: event.type }]);
  });

  it('records nothing when the effects fail, so the redelivery applies the event', async () => {
    const event = envelope('events.spec.thing.happened.v1', { n: 3 });
    await expect(
      handleOnce(ds, schema, event, async (em) => {
        await em.query(`INSERT INTO "${schema}".effects (n) VALUES (3)`);
        throw new Error('effects failed');
      }),
    ).rejects.toThrow('effects failed');
    expect(await effects()).toEqual([1]);
    await expect(handleOnce(ds, schema, event, async (em) => void (await em.query(`INSERT INTO "${schema}".effects (n) VALUES (4)`)))).resolves.toBe(true);
    expect(await effects()).toEqual([1, 4]);
  });

  it('forgets ids older than eight days, and only those', async () => {
    const old = envelope('events.spec.old.v1', {});
    const recent = envelope('events.spec.recent.v1', {});
    await ds.query(
      `INSERT INTO "${schema}".processed_events (id, type, processed_at) VALUES ($1, 'x', now() - interval '8 days 1 minute'), ($2, 'x', now() - interval '7 days 23 hours')`,
      [old.id, recent.id],
    );
    await pruneProcessedEvents(ds, schema);
    const left = (await ds.query(`SELECT id FROM "${schema}".processed_events WHERE id = ANY($1)`, [[old.id, recent.id]])).map((r: { id: string }) => r.id);
    expect(left).toEqual([recent.id]);
  });
});
