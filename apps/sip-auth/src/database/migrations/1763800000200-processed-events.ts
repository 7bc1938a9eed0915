import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Ids of the identity events sip-auth has applied (account closed, subaccount deleted), so a redelivery is a no-op. */
export class ProcessedEvents1763800000200 implements MigrationInterface {
  name = 'ProcessedEvents1763800000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "sipauth".processed_events (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX processed_events_age ON "sipauth".processed_events (processed_at);`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sipauth.processed_events;');
  }
}
