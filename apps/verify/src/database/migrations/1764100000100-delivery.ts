import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Real delivery: the caller's senders (credentials sealed), the ordered senders of each app, the sender that took an attempt, and every try of every attempt (sender, provider, from-number,
 * provider reference, outcome, error). At most one try per attempt is `sending` or `accepted`: that unique index is
 * the claim that makes a retried or duplicated job never send a second message.
 */
export class Delivery1764100000100 implements MigrationInterface {
  name = 'Delivery1764100000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE verify.attempts ADD COLUMN sender_uuid uuid;
      CREATE INDEX attempts_provider_ref ON verify.attempts (provider, provider_ref) WHERE provider_ref IS NOT NULL;

      CREATE TABLE verify.attempt_tries (
        attempt_uuid uuid NOT NULL REFERENCES verify.attempts (uuid) ON DELETE CASCADE,
        seq int NOT NULL,
        sender_uuid uuid,
        provider text NOT NULL,
        from_number text,
        provider_ref text,
        outcome text NOT NULL CHECK (outcome IN ('sending', 'accepted', 'refused', 'skipped', 'unconfirmed')),
        error text,
        started_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        PRIMARY KEY (attempt_uuid, seq)
      );
      CREATE UNIQUE INDEX attempt_tries_one_claim ON verify.attempt_tries (attempt_uuid) WHERE outcome IN ('sending', 'accepted');

      CREATE TABLE verify.senders (
        uuid uuid PRIMARY KEY,
        account_id text NOT NULL,
        main_account_id text NOT NULL,
        name text NOT NULL,
        provider text NOT NULL CHECK (provider IN ('twilio', 'plivo', 'vonage')),
        channels text[] NOT NULL,
        public_id text NOT NULL,
        secret_hint text NOT NULL,
        credentials_sealed bytea NOT NULL,
        numbers jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX senders_main ON verify.senders (main_account_id, created_at DESC);
      ALTER TABLE verify.apps ADD COLUMN sender_uuids uuid[] NOT NULL DEFAULT '{}';
      CREATE INDEX apps_senders ON verify.apps USING gin (sender_uuids);`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP INDEX verify.apps_senders; ALTER TABLE verify.apps DROP COLUMN sender_uuids; DROP TABLE verify.senders; DROP TABLE verify.attempt_tries; DROP INDEX verify.attempts_provider_ref; ALTER TABLE verify.attempts DROP COLUMN sender_uuid;`,
    );
  }
}
