import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Verify1763700000100 implements MigrationInterface {
  name = 'Verify1763700000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE verify.apps (
        uuid uuid PRIMARY KEY,
        account_id text NOT NULL,
        main_account_id text NOT NULL,
        name text NOT NULL,
        brand_name text NOT NULL,
        otp_length int NOT NULL,
        otp_expiry int NOT NULL,
        otp_attempts int NOT NULL,
        max_validation_attempts int NOT NULL,
        sms_channel boolean NOT NULL,
        voice_channel boolean NOT NULL,
        template text NOT NULL,
        template_uuid text,
        is_default boolean NOT NULL DEFAULT false,
        enable_fraudshield boolean NOT NULL DEFAULT false,
        fs_protection_level text NOT NULL DEFAULT 'low',
        customer_app_hash text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX apps_one_default ON verify.apps (account_id) WHERE is_default;
      CREATE INDEX apps_main ON verify.apps (main_account_id, created_at DESC);

      CREATE TABLE verify.sessions (
        uuid uuid PRIMARY KEY,
        app_uuid uuid NOT NULL,
        account_id text NOT NULL,
        main_account_id text NOT NULL,
        alias text NOT NULL,
        recipient text NOT NULL,
        channel text NOT NULL,
        locale text NOT NULL,
        brand_name text NOT NULL,
        app_hash text,
        template text NOT NULL,
        code_length int NOT NULL,
        status text NOT NULL CHECK (status IN ('in-progress', 'verified', 'expired')),
        otp_hash bytea NOT NULL,
        otp_sealed bytea,
        tries int NOT NULL DEFAULT 0,
        max_tries int NOT NULL,
        count int NOT NULL DEFAULT 1,
        max_attempts int NOT NULL,
        callback_url text,
        callback_method text NOT NULL DEFAULT 'POST',
        requestor_ip text,
        country_iso2 text,
        network text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX sessions_open ON verify.sessions (app_uuid, recipient) WHERE status = 'in-progress';
      CREATE INDEX sessions_main_time ON verify.sessions (main_account_id, created_at DESC);
      CREATE INDEX sessions_account_time ON verify.sessions (account_id, created_at DESC);
      CREATE INDEX sessions_expiring ON verify.sessions (expires_at) WHERE status = 'in-progress';

      CREATE TABLE verify.attempts (
        uuid uuid PRIMARY KEY,
        session_uuid uuid NOT NULL REFERENCES verify.sessions (uuid) ON DELETE CASCADE,
        sequence int NOT NULL,
        channel text NOT NULL,
        status text NOT NULL,
        error_code text,
        provider text,
        provider_ref text,
        charge numeric(12, 5) NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX attempts_session ON verify.attempts (session_uuid, sequence);
      CREATE INDEX attempts_queued ON verify.attempts (created_at) WHERE status = 'queued';

      CREATE TABLE verify.dev_outbox (
        attempt_uuid uuid PRIMARY KEY,
        session_uuid uuid NOT NULL,
        account_id text NOT NULL,
        main_account_id text NOT NULL,
        recipient text NOT NULL,
        channel text NOT NULL,
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX dev_outbox_account ON verify.dev_outbox (account_id, created_at DESC);
      CREATE TABLE "verify".outbox_events (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        subject text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      );
      CREATE INDEX outbox_events_unpublished ON "verify".outbox_events (seq) WHERE published_at IS NULL;`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE verify.outbox_events, verify.dev_outbox, verify.attempts, verify.sessions, verify.apps');
  }
}
