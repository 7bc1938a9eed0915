import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { attemptEventInsert } from '../events/event-sql.js';

export interface DeliveryRow {
  attempt_uuid: string;
  channel: 'sms' | 'voice';
  attempt_status: string;
  session_uuid: string;
  session_status: string;
  account_id: string;
  main_account_id: string;
  recipient: string;
  brand_name: string;
  app_hash: string | null;
  template: string;
  otp_sealed: Buffer | null;
}

export interface StatusChange {
  status: string;
  /** Statuses the attempt passed through on the way to `status`, each published as its own event first. */
  via?: string[];
  /** Only from these statuses: a repeated or late update changes nothing and emits nothing. */
  from: string[];
  errorCode?: string | null;
  provider?: string;
  providerRef?: string;
}

@Injectable()
export class DeliveryRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async load(attemptUuid: string): Promise<DeliveryRow | undefined> {
    const rows: DeliveryRow[] = await this.ds.query(
      `SELECT a.uuid AS attempt_uuid, a.channel, a.status AS attempt_status, s.uuid AS session_uuid, s.status AS session_status,
         s.account_id, s.main_account_id, s.recipient, s.brand_name, s.app_hash, s.template, s.otp_sealed
       FROM verify.attempts a JOIN verify.sessions s ON s.uuid = a.session_uuid WHERE a.uuid = $1`,
      [attemptUuid],
    );
    return rows[0];
  }

  /** Moves an attempt to a new status and writes its events in the same statement. */
  async setStatus(attemptUuid: string, change: StatusChange): Promise<boolean> {
    const rows = await this.ds.query(
      `WITH a AS (
         UPDATE verify.attempts SET status = $2, error_code = $3, provider = COALESCE($4, provider),
           provider_ref = COALESCE($5, provider_ref), updated_at = now()
         WHERE uuid = $1 AND status = ANY($6::text[]) RETURNING *
       ), s AS (SELECT x.* FROM verify.sessions x JOIN a ON x.uuid = a.session_uuid),
       e AS (${attemptEventInsert(change.via)})
       SELECT uuid FROM a`,
      [attemptUuid, change.status, change.errorCode ?? null, change.provider ?? null, change.providerRef ?? null, change.from],
    );
    return rows.length === 1;
  }

  /** Attempts committed as queued whose job never reached Redis (it was down): enqueue them again. */
  async strandedAttempts(olderThanSeconds: number, limit = 500): Promise<string[]> {
    const rows: { uuid: string }[] = await this.ds.query(
      `SELECT uuid FROM verify.attempts WHERE status = 'queued' AND created_at < now() - make_interval(secs => $1)
       AND created_at > now() - interval '1 day' ORDER BY created_at LIMIT $2`,
      [olderThanSeconds, limit],
    );
    return rows.map((r) => r.uuid);
  }
}
