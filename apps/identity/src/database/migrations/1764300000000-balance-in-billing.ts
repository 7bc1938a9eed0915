import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The balance lives in billing-alerts' ledger now; identity's account view reads it from there. */
export class BalanceInBilling1764300000000 implements MigrationInterface {
  name = 'BalanceInBilling1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE identity.accounts DROP COLUMN cash_credits');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE identity.accounts ADD COLUMN cash_credits numeric(16, 5) NOT NULL DEFAULT 0');
  }
}
