import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Ending a session erases its dev-outbox messages in the same statement: find them by session. */
export class DevOutboxSession1764500000100 implements MigrationInterface {
  name = 'DevOutboxSession1764500000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX dev_outbox_session ON verify.dev_outbox (session_uuid)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX verify.dev_outbox_session');
  }
}
