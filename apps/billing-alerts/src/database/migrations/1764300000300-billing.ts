import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * billing-alerts owns the money. Every amount is bigint micro-units (1 USD = 1,000,000).
 * - prices: the price list (seeded from prices.csv, updated by operators).
 * - accounts: one row per main account; `balance_micros` is the ledger's running sum, moved only by the statement
 *   that appends the entry, under the row's lock, and never below zero.
 * - ledger: append-only (a trigger refuses UPDATE and DELETE); charges are negative, the unique indexes make a
 *   retried charge, refund, adjustment or credit reference land once.
 * - alert_settings, alerts: balance alerts configured and fired (the history); closures: refundable credit.
 */
export class Billing1764300000300 implements MigrationInterface {
  name = 'Billing1764300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE billing.prices (
        country_iso char(2) PRIMARY KEY,
        country text NOT NULL,
        country_code int NOT NULL,
        sms_micros bigint NOT NULL CHECK (sms_micros >= 0),
        voice_micros bigint NOT NULL CHECK (voice_micros >= 0),
        validation_micros bigint NOT NULL DEFAULT 0 CHECK (validation_micros >= 0),
        sms_own_sender_micros bigint NOT NULL DEFAULT 0 CHECK (sms_own_sender_micros >= 0),
        voice_own_sender_micros bigint NOT NULL DEFAULT 0 CHECK (voice_own_sender_micros >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE billing.accounts (
        auth_id text PRIMARY KEY,
        balance_micros bigint NOT NULL DEFAULT 0 CHECK (balance_micros >= 0),
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE billing.ledger (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        uuid uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
        auth_id text NOT NULL,
        account_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('recharge', 'charge', 'refund', 'adjustment')),
        amount_micros bigint NOT NULL,
        balance_after_micros bigint NOT NULL CHECK (balance_after_micros >= 0),
        attempt_uuid uuid,
        session_uuid uuid,
        channel text CHECK (channel IN ('sms', 'voice', 'validation')),
        country_iso char(2),
        reference text,
        trial boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (kind <> 'charge' OR amount_micros <= 0),
        CHECK (kind <> 'recharge' OR amount_micros > 0)
      );
      CREATE UNIQUE INDEX ledger_attempt_charge ON billing.ledger (attempt_uuid) WHERE kind = 'charge' AND attempt_uuid IS NOT NULL;
      CREATE UNIQUE INDEX ledger_attempt_refund ON billing.ledger (attempt_uuid) WHERE kind = 'refund' AND attempt_uuid IS NOT NULL;
      CREATE UNIQUE INDEX ledger_attempt_adjustment ON billing.ledger (attempt_uuid) WHERE kind = 'adjustment' AND attempt_uuid IS NOT NULL;
      CREATE UNIQUE INDEX ledger_session_validation ON billing.ledger (session_uuid) WHERE kind = 'charge' AND channel = 'validation';
      CREATE UNIQUE INDEX ledger_recharge_reference ON billing.ledger (auth_id, reference) WHERE kind = 'recharge';
      CREATE INDEX ledger_account_time ON billing.ledger (auth_id, created_at);

      CREATE FUNCTION billing.ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'billing.ledger is append-only: % refused', TG_OP;
      END $$;
      CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON billing.ledger
        FOR EACH STATEMENT EXECUTE FUNCTION billing.ledger_append_only();

      CREATE TABLE billing.alert_settings (
        auth_id text PRIMARY KEY,
        thresholds_micros bigint[] NOT NULL DEFAULT '{}',
        emails text[] NOT NULL DEFAULT '{}',
        webhook_url text,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE billing.alerts (
        uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        auth_id text NOT NULL,
        threshold_micros bigint NOT NULL,
        kind text NOT NULL CHECK (kind IN ('automatic', 'custom')),
        balance_micros bigint NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        recipients text[] NOT NULL DEFAULT '{}',
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      );
      CREATE INDEX alerts_account ON billing.alerts (auth_id, created_at DESC);
      CREATE INDEX alerts_pending ON billing.alerts (created_at) WHERE status = 'pending';

      CREATE TABLE billing.closures (
        auth_id text PRIMARY KEY,
        closed_at timestamptz NOT NULL,
        balance_micros bigint NOT NULL,
        refundable_micros bigint NOT NULL,
        trial boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE billing.processed_events (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX processed_events_age ON billing.processed_events (processed_at);`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE billing.processed_events, billing.closures, billing.alerts, billing.alert_settings, billing.ledger,
        billing.accounts, billing.prices;
      DROP FUNCTION billing.ledger_append_only();`);
  }
}
