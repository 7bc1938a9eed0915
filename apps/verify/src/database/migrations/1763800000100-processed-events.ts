import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Ids of the identity events verify has applied (account closed, subaccount deleted), so a redelivery is a no-op. */
export class ProcessedEvents1763800000100 implements MigrationInterface {
  name = 'ProcessedEvents1763800000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "verify".processed_events (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX processed_events_age ON "verify".processed_events (processed_at);
      CREATE INDEX dev_outbox_main ON verify.dev_outbox (main_account_id);`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX verify.dev_outbox_main; DROP TABLE verify.processed_events;');
  }
}
