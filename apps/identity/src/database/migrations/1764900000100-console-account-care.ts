import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account care for console users: re-authentication (a login attempt whose success is a single-use re-auth token,
 * not a session), pending email and 2FA-phone changes (one per user), and the refresh tokens a session has already
 * spent, so a spent one presented again is recognised as a replay and ends its whole token family.
 */
export class ConsoleAccountCare1764900000100 implements MigrationInterface {
  name = 'ConsoleAccountCare1764900000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE identity.console_secrets DROP CONSTRAINT console_secrets_purpose_check;
      ALTER TABLE identity.console_secrets ADD CONSTRAINT console_secrets_purpose_check
        CHECK (purpose IN ('activation', 'reset', 'invite', 'phone', 'reauth', 'email_change', 'phone_change'));
      ALTER TABLE identity.console_logins ADD COLUMN purpose text NOT NULL DEFAULT 'login' CHECK (purpose IN ('login', 'reauth'));
      CREATE TABLE identity.console_refresh_spent (
        digest bytea PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES identity.console_sessions (id) ON DELETE CASCADE,
        spent_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX console_refresh_spent_session ON identity.console_refresh_spent (session_id);`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE identity.console_refresh_spent;
      ALTER TABLE identity.console_logins DROP COLUMN purpose;
      DELETE FROM identity.console_secrets WHERE purpose IN ('reauth', 'email_change', 'phone_change');
      ALTER TABLE identity.console_secrets DROP CONSTRAINT console_secrets_purpose_check;
      ALTER TABLE identity.console_secrets ADD CONSTRAINT console_secrets_purpose_check CHECK (purpose IN ('activation', 'reset', 'invite', 'phone'));`);
  }
}
