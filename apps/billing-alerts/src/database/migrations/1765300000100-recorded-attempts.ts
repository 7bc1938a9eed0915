import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The attempts verify has recorded, as billing hears of them (any status event of the attempt), so that a charge whose
 * attempt never came to exist (verify charged, then got no answer and could not give it back) is found and refunded.
 * Charges are read by time for that sweep, hence the partial index.
 */
export class RecordedAttempts1765300000100 implements MigrationInterface {
  name = 'RecordedAttempts1765300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE billing.recorded_attempts (
        attempt_uuid uuid PRIMARY KEY,
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX recorded_attempts_age ON billing.recorded_attempts (recorded_at);
      CREATE INDEX ledger_attempt_charge_time ON billing.ledger (created_at) WHERE kind = 'charge' AND attempt_uuid IS NOT NULL;
      -- Every attempt charged so far was recorded or refunded by the paths that existed: nothing old is swept.
      INSERT INTO billing.recorded_attempts (attempt_uuid)
        SELECT attempt_uuid FROM billing.ledger WHERE kind = 'charge' AND attempt_uuid IS NOT NULL ON CONFLICT DO NOTHING;`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX billing.ledger_attempt_charge_time; DROP TABLE billing.recorded_attempts;`);
  }
}
