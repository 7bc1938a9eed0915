import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Subaccount and account lifecycle, one active token per account, IP whitelists, and identity's event outbox. */
export class Lifecycle1763800000000 implements MigrationInterface {
  name = 'Lifecycle1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE identity.accounts
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN ip_whitelist_enabled boolean NOT NULL DEFAULT false;
      -- Plivo refuses a new signup with a closed account's email too, so closed accounts keep theirs.
      CREATE UNIQUE INDEX accounts_main_email ON identity.accounts (lower(email)) WHERE parent_auth_id IS NULL AND email IS NOT NULL;
      CREATE INDEX accounts_main_created ON identity.accounts (created_at DESC, auth_id) WHERE parent_auth_id IS NULL;
      CREATE UNIQUE INDEX auth_tokens_one_active ON identity.auth_tokens (auth_id) WHERE expires_at IS NULL;
      CREATE TABLE identity.ip_whitelist (
        id uuid PRIMARY KEY,
        auth_id text NOT NULL REFERENCES identity.accounts (auth_id) ON DELETE CASCADE,
        cidr cidr NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (auth_id, cidr)
      );
      CREATE TABLE "identity".outbox_events (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        subject text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      );
      CREATE INDEX outbox_events_unpublished ON "identity".outbox_events (seq) WHERE published_at IS NULL;`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE identity.outbox_events, identity.ip_whitelist;
      DROP INDEX identity.auth_tokens_one_active, identity.accounts_main_created, identity.accounts_main_email;
      ALTER TABLE identity.accounts DROP COLUMN ip_whitelist_enabled, DROP COLUMN closed_at;`);
  }
}
