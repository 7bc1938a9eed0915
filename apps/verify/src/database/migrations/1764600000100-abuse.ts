import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Abuse controls: Fraud Shield on by default at `medium` (Plivo's defaults), programmable rate-limit buckets on the
 * app, per-account geo permissions (NULL = the shipped default: every country but the high-risk list) and the
 * count of geo refusals (the Summary reads it; nothing else is recorded for a refused create).
 */
export class Abuse1764600000100 implements MigrationInterface {
  name = 'Abuse1764600000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE verify.apps ALTER COLUMN enable_fraudshield SET DEFAULT true;
      ALTER TABLE verify.apps ALTER COLUMN fs_protection_level SET DEFAULT 'medium';
      ALTER TABLE verify.apps ADD COLUMN rate_limits jsonb NOT NULL DEFAULT '{}'::jsonb;
      CREATE TABLE verify.geo_permissions (
        account_id text PRIMARY KEY,
        main_account_id text NOT NULL,
        sms text[],
        voice text[],
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE verify.geo_refusals (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        account_id text NOT NULL,
        main_account_id text NOT NULL,
        app_uuid uuid NOT NULL,
        channel text NOT NULL,
        country_iso2 text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX geo_refusals_main_time ON verify.geo_refusals (main_account_id, created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE verify.geo_refusals;
      DROP TABLE verify.geo_permissions;
      ALTER TABLE verify.apps DROP COLUMN rate_limits;
      ALTER TABLE verify.apps ALTER COLUMN fs_protection_level SET DEFAULT 'low';
      ALTER TABLE verify.apps ALTER COLUMN enable_fraudshield SET DEFAULT false;
    `);
  }
}
