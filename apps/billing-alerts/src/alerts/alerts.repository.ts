import { Inject, Injectable } from '@nestjs/common';
import type { AlertView } from '@signet/contracts/billing';
import { DataSource } from 'typeorm';
import { delivered, type WebhookResult } from './alert-webhook.js';

const utc = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export interface AlertSettingsRow {
  thresholds_micros: string[];
  emails: string[];
  webhook_url: string | null;
}

export interface PendingAlert {
  uuid: string;
  auth_id: string;
  threshold_micros: string;
  balance_micros: string;
  kind: 'automatic' | 'custom';
  status: string;
  created_at: string;
  mailed: boolean;
  webhook_delivered: boolean;
  /** The account's extra addresses and webhook as configured now (not when the alert fired). */
  emails: string[];
  webhook_url: string | null;
}

@Injectable()
export class AlertsRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async settings(authId: string): Promise<AlertSettingsRow> {
    const rows = await this.ds.query(
      'SELECT thresholds_micros::text[] AS thresholds_micros, emails, webhook_url FROM billing.alert_settings WHERE auth_id = $1',
      [authId],
    );
    return rows[0] ?? { thresholds_micros: [], emails: [], webhook_url: null };
  }

  /** A key left undefined keeps its stored value; one given replaces it. */
  async saveSettings(authId: string, s: { thresholds?: string[]; emails?: string[]; webhook_url?: string | null }): Promise<void> {
    await this.ds.query(
      `INSERT INTO billing.alert_settings (auth_id, thresholds_micros, emails, webhook_url)
       VALUES ($1, COALESCE($2::bigint[], '{}'), COALESCE($3::text[], '{}'), $4)
       ON CONFLICT (auth_id) DO UPDATE SET
         thresholds_micros = COALESCE($2::bigint[], billing.alert_settings.thresholds_micros),
         emails = COALESCE($3::text[], billing.alert_settings.emails),
         webhook_url = CASE WHEN $5 THEN $4 ELSE billing.alert_settings.webhook_url END,
         updated_at = now()`,
      [authId, s.thresholds ?? null, s.emails ?? null, s.webhook_url ?? null, s.webhook_url !== undefined],
    );
  }

  async history(authId: string, limit: number, offset: number): Promise<{ rows: AlertView[]; total: number }> {
    const [rows, [count]] = await Promise.all([
      this.ds.query(
        `SELECT uuid AS alert_uuid, threshold_micros::text, balance_micros::text, kind, status, recipients,
           ${utc('created_at')} AS created_at, ${utc('sent_at')} AS sent_at,
           CASE WHEN webhook_url IS NULL THEN NULL ELSE json_build_object(
             'url', webhook_url,
             'status', CASE WHEN webhook_delivered_at IS NOT NULL THEN 'delivered' WHEN status = 'pending' THEN 'pending' ELSE 'failed' END,
             'tries', webhook_tries, 'http_status', webhook_http_status, 'error', webhook_error,
             'delivered_at', ${utc('webhook_delivered_at')}) END AS webhook
         FROM billing.alerts WHERE auth_id = $1 ORDER BY created_at DESC, uuid LIMIT $2 OFFSET $3`,
        [authId, limit, offset],
      ),
      this.ds.query('SELECT count(*)::int AS n FROM billing.alerts WHERE auth_id = $1', [authId]),
    ]);
    return { rows, total: count.n };
  }

  async pending(alertUuid: string): Promise<PendingAlert | undefined> {
    const rows = await this.ds.query(
      `SELECT a.uuid, a.auth_id, a.threshold_micros::text, a.balance_micros::text, a.kind, a.status, ${utc('a.created_at')} AS created_at,
         a.mailed_at IS NOT NULL AS mailed, a.webhook_delivered_at IS NOT NULL AS webhook_delivered,
         COALESCE(s.emails, '{}') AS emails, s.webhook_url
       FROM billing.alerts a LEFT JOIN billing.alert_settings s ON s.auth_id = a.auth_id WHERE a.uuid = $1`,
      [alertUuid],
    );
    return rows[0];
  }

  /** The mail step is done (a retried job does not mail again). */
  async markMailed(alertUuid: string, recipients: string[]): Promise<void> {
    await this.ds.query(`UPDATE billing.alerts SET recipients = $2, mailed_at = now() WHERE uuid = $1 AND status = 'pending'`, [alertUuid, recipients]);
  }

  /** One try of the webhook: its URL, the answer's status or the error, and when it was delivered. */
  async recordWebhookTry(alertUuid: string, url: string, result: WebhookResult): Promise<void> {
    await this.ds.query(
      `UPDATE billing.alerts SET webhook_url = $2, webhook_tries = webhook_tries + 1, webhook_http_status = $3, webhook_error = $4,
         webhook_delivered_at = CASE WHEN $5 THEN now() END
       WHERE uuid = $1 AND status = 'pending'`,
      [alertUuid, url, result.http_status, result.error, delivered(result)],
    );
  }

  async markSent(alertUuid: string): Promise<void> {
    await this.ds.query(`UPDATE billing.alerts SET status = 'sent', sent_at = now() WHERE uuid = $1 AND status = 'pending'`, [alertUuid]);
  }

  async markFailed(alertUuid: string, error: string): Promise<void> {
    await this.ds.query(`UPDATE billing.alerts SET status = 'failed', error = $2 WHERE uuid = $1 AND status = 'pending'`, [alertUuid, error.slice(0, 500)]);
  }

  /** Pending alerts whose job may never have reached Redis (it was down when they fired). */
  async stranded(olderThanSeconds: number, limit = 500): Promise<string[]> {
    const rows: { uuid: string }[] = await this.ds.query(
      `SELECT uuid FROM billing.alerts WHERE status = 'pending' AND created_at < now() - make_interval(secs => $1)
       AND created_at > now() - interval '1 day' ORDER BY created_at LIMIT $2`,
      [olderThanSeconds, limit],
    );
    return rows.map((r) => r.uuid);
  }
}
