import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Money moved to billing-alerts' ledger (micro-units): a session's charges are read from there. */
export class ChargesInBilling1764300000100 implements MigrationInterface {
  name = 'ChargesInBilling1764300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE verify.attempts DROP COLUMN charge');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE verify.attempts ADD COLUMN charge numeric(12, 5) NOT NULL DEFAULT 0');
  }
}
