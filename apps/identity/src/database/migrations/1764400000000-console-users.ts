import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people behind accounts (console users), and what proves who they are. Every secret a user is handed (links,
 * codes, login, access and refresh tokens, recovery codes) is stored only as an HMAC digest; the TOTP seed, which
 * must be used again, is sealed. Users' emails and phones stay unique forever, closed accounts included (the FAQ).
 */
export class ConsoleUsers1764400000000 implements MigrationInterface {
  name = 'ConsoleUsers1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE identity.console_users (
        id uuid PRIMARY KEY,
        auth_id text NOT NULL REFERENCES identity.accounts (auth_id),
        email text NOT NULL,
        name text NOT NULL DEFAULT '',
        phone text,
        password_hash text,
        role text NOT NULL CHECK (role IN ('owner', 'admin', 'developer', 'support', 'finance')),
        email_verified_at timestamptz,
        phone_verified_at timestamptz,
        totp_sealed bytea,
        totp_enabled_at timestamptz,
        totp_last_step bigint,
        invited_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz
      );
      CREATE UNIQUE INDEX console_users_email ON identity.console_users (lower(email));
      CREATE UNIQUE INDEX console_users_phone ON identity.console_users (phone) WHERE phone IS NOT NULL;
      CREATE UNIQUE INDEX console_users_one_owner ON identity.console_users (auth_id) WHERE role = 'owner';
      CREATE INDEX console_users_account ON identity.console_users (auth_id, created_at);
      CREATE TABLE identity.console_secrets (
        digest bytea PRIMARY KEY,
        purpose text NOT NULL CHECK (purpose IN ('activation', 'reset', 'invite', 'phone')),
        user_id uuid NOT NULL REFERENCES identity.console_users (id) ON DELETE CASCADE,
        data jsonb NOT NULL DEFAULT '{}',
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX console_secrets_user ON identity.console_secrets (user_id, purpose);
      CREATE TABLE identity.console_logins (
        digest bytea PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES identity.console_users (id) ON DELETE CASCADE,
        device_digest bytea NOT NULL,
        verify_session_uuid uuid,
        wrong_codes int NOT NULL DEFAULT 0,
        ended_at timestamptz,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX console_logins_user ON identity.console_logins (user_id);
      CREATE TABLE identity.console_sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES identity.console_users (id) ON DELETE CASCADE,
        access_digest bytea NOT NULL UNIQUE,
        access_expires_at timestamptz NOT NULL,
        refresh_digest bytea NOT NULL UNIQUE,
        refresh_expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        refreshed_at timestamptz
      );
      CREATE INDEX console_sessions_user ON identity.console_sessions (user_id);
      CREATE TABLE identity.console_recovery_codes (
        user_id uuid NOT NULL REFERENCES identity.console_users (id) ON DELETE CASCADE,
        digest bytea NOT NULL,
        used_at timestamptz,
        PRIMARY KEY (user_id, digest)
      );
      CREATE TABLE identity.console_devices (
        user_id uuid NOT NULL REFERENCES identity.console_users (id) ON DELETE CASCADE,
        digest bytea NOT NULL,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, digest)
      );`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE identity.console_devices, identity.console_recovery_codes, identity.console_sessions, identity.console_logins, identity.console_secrets, identity.console_users;`,
    );
  }
}
