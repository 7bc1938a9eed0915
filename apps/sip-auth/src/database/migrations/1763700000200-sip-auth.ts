import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credentials (HA1 digests only), IP ACLs and their entries, applications binding them, and the read-only views
 * Kamailio's auth_db and permissions modules query by bare name (`version`, `subscriber`, `address`) when their
 * connection's search_path is `sipauth`. The view column types are what Kamailio 5.6's db_postgres accepts:
 * see apps/sip-auth/test/sip/README.md.
 */
export class SipAuth1763700000200 implements MigrationInterface {
  name = 'SipAuth1763700000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sipauth.credentials (
        uuid uuid PRIMARY KEY,
        account_id text NOT NULL,
        main_account_id text NOT NULL,
        username varchar(64) NOT NULL,
        realm varchar(64) NOT NULL,
        ha1 varchar(128) NOT NULL,
        ha1b varchar(128) NOT NULL,
        ha1_sha256 varchar(128) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      -- A proxy finds a credential by (username, realm) alone, so the pair is unique across accounts.
      CREATE UNIQUE INDEX credentials_username ON sipauth.credentials (realm, username);
      CREATE INDEX credentials_account ON sipauth.credentials (account_id, created_at DESC);
      CREATE INDEX credentials_main ON sipauth.credentials (main_account_id, created_at DESC);

      CREATE TABLE sipauth.ip_acls (
        uuid uuid PRIMARY KEY,
        account_id text NOT NULL,
        main_account_id text NOT NULL,
        name varchar(120) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX ip_acls_account ON sipauth.ip_acls (account_id, created_at DESC);
      CREATE INDEX ip_acls_main ON sipauth.ip_acls (main_account_id, created_at DESC);

      CREATE TABLE sipauth.ip_acl_entries (
        uuid uuid PRIMARY KEY,
        ip_acl_uuid uuid NOT NULL REFERENCES sipauth.ip_acls (uuid) ON DELETE CASCADE,
        -- entries added in one transaction share created_at; seq keeps them in the order given
        seq bigint GENERATED ALWAYS AS IDENTITY,
        network cidr NOT NULL,
        description varchar(255) NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX ip_acl_entries_acl ON sipauth.ip_acl_entries (ip_acl_uuid, seq);

      -- The foreign keys refuse to delete a credential or ACL an application uses (answered 409), even in a race.
      -- grp is the application's group in the address view: permissions wants a positive int4.
      CREATE TABLE sipauth.applications (
        uuid uuid PRIMARY KEY,
        account_id text NOT NULL,
        main_account_id text NOT NULL,
        grp integer GENERATED ALWAYS AS IDENTITY UNIQUE CHECK (grp > 0),
        app_name varchar(120) NOT NULL,
        answer_url text NOT NULL,
        answer_method text NOT NULL CHECK (answer_method IN ('GET', 'POST')),
        sip_auth_type text NOT NULL DEFAULT '' CHECK (sip_auth_type IN ('', 'credential', 'ip_acl', 'credential_ip_acl')),
        credential_uuid uuid REFERENCES sipauth.credentials (uuid),
        ip_acl_uuid uuid REFERENCES sipauth.ip_acls (uuid),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((sip_auth_type IN ('credential', 'credential_ip_acl')) = (credential_uuid IS NOT NULL)),
        CHECK ((sip_auth_type IN ('ip_acl', 'credential_ip_acl')) = (ip_acl_uuid IS NOT NULL))
      );
      CREATE INDEX applications_account ON sipauth.applications (account_id, created_at DESC);
      CREATE INDEX applications_main ON sipauth.applications (main_account_id, created_at DESC);
      CREATE INDEX applications_credential ON sipauth.applications (credential_uuid) WHERE credential_uuid IS NOT NULL;
      CREATE INDEX applications_ip_acl ON sipauth.applications (ip_acl_uuid) WHERE ip_acl_uuid IS NOT NULL;

      -- Kamailio checks these table versions before it reads subscriber (auth_db) and address (permissions).
      CREATE VIEW sipauth.version AS
        SELECT table_name::varchar(32) AS table_name, table_version::integer AS table_version
        FROM (VALUES ('subscriber', 7), ('address', 6)) AS v (table_name, table_version);

      -- auth_db with calculate_ha1 0: ha1 = MD5(username:realm:password), ha1b = MD5(username@realm:realm:password);
      -- ha1_sha256 = SHA-256(username:realm:password) for proxies that challenge with algorithm SHA-256.
      CREATE VIEW sipauth.subscriber AS
        SELECT uuid AS id, username::varchar(64) AS username, realm::varchar(64) AS domain,
               ha1::varchar(128) AS ha1, ha1b::varchar(128) AS ha1b, ha1_sha256::varchar(128) AS ha1_sha256
        FROM sipauth.credentials;

      -- permissions: one group per application that checks an IP ACL, one row per entry. ip_addr must be varchar
      -- (text is read as a blob). Kamailio 5.6 never matches a /0 row, so "allow all" becomes the two /1 halves.
      -- tag carries the application id (permissions' peer_tag_avp can hand it to the routing script).
      CREATE VIEW sipauth.address AS
        SELECT a.grp AS grp, host(r.net)::varchar(50) AS ip_addr, masklen(r.net)::integer AS mask,
               0::smallint AS port, a.uuid::varchar(64) AS tag
        FROM sipauth.applications a
        JOIN sipauth.ip_acl_entries e ON e.ip_acl_uuid = a.ip_acl_uuid
        CROSS JOIN LATERAL (
          SELECT e.network WHERE masklen(e.network) > 0
          UNION ALL
          SELECT half
          FROM unnest(CASE family(e.network) WHEN 4 THEN '{0.0.0.0/1,128.0.0.0/1}'::cidr[] ELSE '{::/1,8000::/1}'::cidr[] END) AS half
          WHERE masklen(e.network) = 0
        ) AS r (net)
        WHERE a.sip_auth_type IN ('ip_acl', 'credential_ip_acl');`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP VIEW sipauth.address, sipauth.subscriber, sipauth.version;
      DROP TABLE sipauth.applications, sipauth.ip_acl_entries, sipauth.ip_acls, sipauth.credentials`);
  }
}
