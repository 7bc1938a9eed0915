import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Accounts1763700000000 implements MigrationInterface {
  name = 'Accounts1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE identity.accounts (
        auth_id text PRIMARY KEY,
        parent_auth_id text REFERENCES identity.accounts (auth_id),
        name text NOT NULL,
        email text,
        account_type text NOT NULL DEFAULT 'standard' CHECK (account_type IN ('standard', 'developer')),
        billing_mode text NOT NULL DEFAULT 'prepaid' CHECK (billing_mode IN ('prepaid', 'postpaid')),
        data_region text NOT NULL DEFAULT 'us' CHECK (data_region IN ('us', 'in')),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'closed')),
        enabled boolean NOT NULL DEFAULT true,
        cash_credits numeric(16, 5) NOT NULL DEFAULT 0,
        auto_recharge boolean NOT NULL DEFAULT false,
        address text NOT NULL DEFAULT '',
        city text NOT NULL DEFAULT '',
        state text NOT NULL DEFAULT '',
        timezone text NOT NULL DEFAULT 'UTC',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz
      );
      CREATE INDEX accounts_parent ON identity.accounts (parent_auth_id, created_at DESC);
      CREATE TABLE identity.auth_tokens (
        id uuid PRIMARY KEY,
        auth_id text NOT NULL REFERENCES identity.accounts (auth_id) ON DELETE CASCADE,
        token_sealed bytea NOT NULL,
        token_digest bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz
      );
      CREATE INDEX auth_tokens_account ON identity.auth_tokens (auth_id);`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE identity.auth_tokens; DROP TABLE identity.accounts;');
  }
}
