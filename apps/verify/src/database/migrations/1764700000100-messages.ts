import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages and the channel workflow: an app's own translations of its message (one text per locale), the app's
 * automatic workflow (`[{"channel":"sms","wait":60},{"channel":"voice"}]`, null for none) and whether a session's
 * call waits for a key press before the code (`dtmf`).
 */
export class Messages1764700000100 implements MigrationInterface {
  name = 'Messages1764700000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE verify.app_templates (
        app_uuid uuid NOT NULL REFERENCES verify.apps (uuid) ON DELETE CASCADE,
        locale text NOT NULL,
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (app_uuid, locale)
      );
      ALTER TABLE verify.apps ADD COLUMN workflow jsonb;
      ALTER TABLE verify.sessions ADD COLUMN dtmf boolean NOT NULL DEFAULT false;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE verify.sessions DROP COLUMN dtmf;
      ALTER TABLE verify.apps DROP COLUMN workflow;
      DROP TABLE verify.app_templates;
    `);
  }
}
