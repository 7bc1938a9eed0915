import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { attemptEventInsert, traced } from '../events/event-sql.js';

export interface DeliveryRow {
  attempt_uuid: string;
  channel: 'sms' | 'voice';
  attempt_status: string;
  session_uuid: string;
  session_status: string;
  app_uuid: string;
  account_id: string;
  main_account_id: string;
  recipient: string;
  country_iso2: string | null;
  brand_name: string;
  app_hash: string | null;
  template: string;
  locale: string;
  /** The app's custom translations, by locale. */
  custom: Record<string, string>;
  otp_sealed: Buffer | null;
  /** The app's senders, primary first (null when the app is gone). */
  sender_uuids: string[] | null;
}

/** The custom translations of session `s`'s app, as one JSON object by locale (`{}` when none). */
export const CUSTOM_TEMPLATES = `COALESCE((SELECT jsonb_object_agg(t.locale, t.text) FROM verify.app_templates t WHERE t.app_uuid = s.app_uuid), '{}'::jsonb)`;

export interface StatusChange {
  status: string;
  /** Statuses the attempt passed through on the way to `status`, each published as its own event first. */
  via?: string[];
  /** Only from these statuses: a repeated or late update changes nothing and emits nothing. */
  from: string[];
  errorCode?: string | null;
  provider?: string;
  providerRef?: string;
  senderUuid?: string | null;
}

/** A try that holds the attempt's claim: `sending` (in flight, or its worker died) or `accepted`. */
export interface ClaimedTry {
  seq: number;
  sender_uuid: string | null;
  provider: string;
  provider_ref: string | null;
  outcome: 'sending' | 'accepted';
}

export interface TryStart {
  senderUuid: string | null;
  provider: string;
  fromNumber: string | null;
}

/** The attempt update + its events (carrying the active trace), as CTEs `a` (updated attempt) and `s` (its session), for one statement. */
const attemptUpdate = (via?: string[]) =>
  traced(`
  a AS (
    UPDATE verify.attempts SET status = $2, error_code = $3, provider = COALESCE($4, provider),
      provider_ref = COALESCE($5, provider_ref), sender_uuid = COALESCE($7, sender_uuid), updated_at = now()
    WHERE uuid = $1 AND status = ANY($6::text[]) RETURNING *
  ), s AS (SELECT x.* FROM verify.sessions x JOIN a ON x.uuid = a.session_uuid),
  e AS (${attemptEventInsert(via)})`);

const changeParams = (attemptUuid: string, c: StatusChange) => [
  attemptUuid,
  c.status,
  c.errorCode ?? null,
  c.provider ?? null,
  c.providerRef ?? null,
  c.from,
  c.senderUuid ?? null,
];

@Injectable()
export class DeliveryRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async load(attemptUuid: string): Promise<DeliveryRow | undefined> {
    const rows: DeliveryRow[] = await this.ds.query(
      `SELECT a.uuid AS attempt_uuid, a.channel, a.status AS attempt_status, s.uuid AS session_uuid, s.status AS session_status,
         s.app_uuid, s.account_id, s.main_account_id, s.recipient, s.country_iso2, s.brand_name, s.app_hash, s.template, s.otp_sealed,
         s.locale, ${CUSTOM_TEMPLATES} AS custom, ap.sender_uuids::text[] AS sender_uuids
       FROM verify.attempts a JOIN verify.sessions s ON s.uuid = a.session_uuid LEFT JOIN verify.apps ap ON ap.uuid = s.app_uuid
       WHERE a.uuid = $1`,
      [attemptUuid],
    );
    return rows[0];
  }

  /** Moves an attempt to a new status and writes its events in the same statement. */
  async setStatus(attemptUuid: string, change: StatusChange): Promise<boolean> {
    const rows = await this.ds.query(`WITH ${attemptUpdate(change.via)} SELECT uuid FROM a`, changeParams(attemptUuid, change));
    return rows.length === 1;
  }

  /** The try holding the attempt's claim, if a run of this job (or a duplicate) already took it. */
  async claimedTry(attemptUuid: string): Promise<ClaimedTry | undefined> {
    const rows: ClaimedTry[] = await this.ds.query(
      `SELECT seq, sender_uuid, provider, provider_ref, outcome FROM verify.attempt_tries WHERE attempt_uuid = $1 AND outcome IN ('sending', 'accepted')`,
      [attemptUuid],
    );
    return rows[0];
  }

  /**
   * Claims the attempt for one provider call: a `sending` try, only while the attempt is queued and no other try holds
   * the claim (the partial unique index). Undefined: someone else holds it, do not send.
   */
  async claim(attemptUuid: string, t: TryStart): Promise<number | undefined> {
    const rows: { seq: number }[] = await this.ds.query(
      `INSERT INTO verify.attempt_tries (attempt_uuid, seq, sender_uuid, provider, from_number, outcome)
       SELECT $1, COALESCE((SELECT max(seq) FROM verify.attempt_tries WHERE attempt_uuid = $1), 0) + 1, $2, $3, $4, 'sending'
       WHERE EXISTS (SELECT 1 FROM verify.attempts WHERE uuid = $1 AND status = 'queued')
       ON CONFLICT DO NOTHING RETURNING seq`,
      [attemptUuid, t.senderUuid, t.provider, t.fromNumber],
    );
    return rows[0]?.seq;
  }

  /** A try that was not made (no serving number, open circuit), recorded for the attempt's history. */
  async skipped(attemptUuid: string, t: TryStart, reason: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO verify.attempt_tries (attempt_uuid, seq, sender_uuid, provider, from_number, outcome, error, ended_at)
       SELECT $1, COALESCE((SELECT max(seq) FROM verify.attempt_tries WHERE attempt_uuid = $1), 0) + 1, $2, $3, $4, 'skipped', $5, now()
       ON CONFLICT DO NOTHING`,
      [attemptUuid, t.senderUuid, t.provider, t.fromNumber, reason],
    );
  }

  /** The provider refused or could not be reached: the claim is released so the next sender may be tried. */
  async refused(attemptUuid: string, seq: number, error: string): Promise<void> {
    await this.ds.query(
      `UPDATE verify.attempt_tries SET outcome = 'refused', error = $3, ended_at = now() WHERE attempt_uuid = $1 AND seq = $2 AND outcome = 'sending'`,
      [attemptUuid, seq, error.slice(0, 500)],
    );
  }

  /** The provider accepted: the try and the attempt's new status (with its events) in one statement. */
  async accepted(attemptUuid: string, seq: number, change: StatusChange): Promise<boolean> {
    const rows = await this.ds.query(
      `WITH t AS (
         UPDATE verify.attempt_tries SET outcome = 'accepted', provider_ref = $8, ended_at = now()
         WHERE attempt_uuid = $1 AND seq = $9 AND outcome IN ('sending', 'accepted') RETURNING seq
       ), ${attemptUpdate(change.via)} SELECT uuid FROM a`,
      [...changeParams(attemptUuid, change), change.providerRef ?? null, seq],
    );
    return rows.length === 1;
  }

  /**
   * A `sending` try found by a later run: its worker died mid-call, the provider may have sent. The try becomes
   * `unconfirmed` and the attempt `failed` (DELIVERY_UNCONFIRMED) in one statement; it is never sent again.
   */
  async unconfirmed(attemptUuid: string, claim: ClaimedTry, errorCode: string): Promise<boolean> {
    const rows = await this.ds.query(
      `WITH t AS (
         UPDATE verify.attempt_tries SET outcome = 'unconfirmed', ended_at = now() WHERE attempt_uuid = $1 AND seq = $8 AND outcome = 'sending' RETURNING seq
       ), ${attemptUpdate()} SELECT uuid FROM a`,
      [...changeParams(attemptUuid, { status: 'failed', from: ['queued'], errorCode, provider: claim.provider, senderUuid: claim.sender_uuid }), claim.seq],
    );
    return rows.length === 1;
  }

  /** Attempts committed as queued whose job never reached Redis (it was down), or whose job ended without them. */
  async strandedAttempts(olderThanSeconds: number, limit = 500): Promise<string[]> {
    const rows: { uuid: string }[] = await this.ds.query(
      `SELECT uuid FROM verify.attempts WHERE status = 'queued' AND created_at < now() - make_interval(secs => $1)
       AND created_at > now() - interval '1 day' ORDER BY created_at LIMIT $2`,
      [olderThanSeconds, limit],
    );
    return rows.map((r) => r.uuid);
  }
}
