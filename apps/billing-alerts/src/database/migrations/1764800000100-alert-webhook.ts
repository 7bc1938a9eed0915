import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Balance alerts also go to the account's `webhook_url`, signed like status callbacks. An alert row records both of
 * its deliveries: `mailed_at` once the mail left (a retry of the job does not mail again), and the webhook's URL,
 * tries, last HTTP status or error and delivery time. `status` stays the whole alert's: sent once every delivery is done.
 */
export class AlertWebhook1764800000100 implements MigrationInterface {
  name = 'AlertWebhook1764800000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE billing.alerts
        ADD COLUMN mailed_at timestamptz,
        ADD COLUMN webhook_url text,
        ADD COLUMN webhook_tries int NOT NULL DEFAULT 0,
        ADD COLUMN webhook_http_status int,
        ADD COLUMN webhook_error text,
        ADD COLUMN webhook_delivered_at timestamptz;
      -- Alerts sent before this migration were mailed when they were sent.
      UPDATE billing.alerts SET mailed_at = sent_at WHERE status = 'sent';`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE billing.alerts DROP COLUMN mailed_at, DROP COLUMN webhook_url, DROP COLUMN webhook_tries,
        DROP COLUMN webhook_http_status, DROP COLUMN webhook_error, DROP COLUMN webhook_delivered_at;`);
  }
}
