import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One SAML identity provider per account, for one email domain that no other account may claim. */
export class ConsoleSso1764400000100 implements MigrationInterface {
  name = 'ConsoleSso1764400000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE identity.console_sso (
        auth_id text PRIMARY KEY REFERENCES identity.accounts (auth_id),
        domain text NOT NULL,
        entry_point text NOT NULL,
        idp_issuer text,
        idp_cert text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX console_sso_domain ON identity.console_sso (lower(domain));
      -- Assertions already used to log in: a captured SAML response cannot be replayed while it is still valid.
      CREATE TABLE identity.console_saml_assertions (
        digest bytea PRIMARY KEY,
        expires_at timestamptz NOT NULL
      );`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE identity.console_saml_assertions, identity.console_sso');
  }
}
