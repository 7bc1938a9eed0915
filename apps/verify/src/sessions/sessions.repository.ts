import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@signet/contracts/common';
import { VerifyEvents } from '@signet/contracts/verify';
import { utc, visible } from '@signet/database';
import { DataSource } from 'typeorm';
import { attemptEventInsert, devOutboxErase, sessionEndedInsert, traced } from '../events/event-sql.js';

export interface NewSession {
  uuid: string;
  app_uuid: string;
  account_id: string;
  main_account_id: string;
  alias: string;
  recipient: string;
  channel: 'sms' | 'voice';
  locale: string;
  brand_name: string;
  app_hash: string | null;
  template: string;
  dtmf: boolean;
  code_length: number;
  otp_hash: Buffer;
  otp_sealed: Buffer;
  max_tries: number;
  max_attempts: number;
  callback_url: string | null;
  callback_method: 'GET' | 'POST';
  requestor_ip: string | null;
  country_iso2: string | null;
  expiry_seconds: number;
}

export interface Opened {
  session_uuid: string;
  created: boolean;
  /** The new attempt's place in the session (1-based). */
  sequence: number;
  expires_at: Date;
}

export interface SessionRow {
  uuid: string;
  app_uuid: string;
  alias: string;
  recipient: string;
  channel: 'sms' | 'voice';
  locale: string;
  status: 'in-progress' | 'verified' | 'expired';
  count: number;
  tries: number;
  max_tries: number;
  max_attempts: number;
  expired: boolean;
  requestor_ip: string | null;
  country_iso2: string | null;
  network: string | null;
  created_at: string;
  updated_at: string;
  attempts: { channel: 'sms' | 'voice'; attempt_uuid: string; status: string; time: string }[];
}

const INSERT_COLUMNS = [
  'uuid',
  'app_uuid',
  'account_id',
  'main_account_id',
  'alias',
  'recipient',
  'channel',
  'locale',
  'brand_name',
  'app_hash',
  'template',
  'dtmf',
  'code_length',
  'otp_hash',
  'otp_sealed',
  'max_tries',
  'max_attempts',
  'callback_url',
  'callback_method',
  'requestor_ip',
  'country_iso2',
] as const;

/**
 * One statement: open the session or, while one is in progress for this app and recipient, join it (same code);
 * record the attempt; write its `queued` event. One round trip and one commit on the hot path.
 */
const OPEN_SQL = `
  WITH s AS (
    INSERT INTO verify.sessions AS x (${INSERT_COLUMNS.join(', ')}, status, expires_at)
    VALUES (${INSERT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}, 'in-progress', now() + make_interval(secs => $${INSERT_COLUMNS.length + 1}))
    ON CONFLICT (app_uuid, recipient) WHERE status = 'in-progress'
    DO UPDATE SET count = x.count + 1, channel = EXCLUDED.channel, dtmf = EXCLUDED.dtmf, updated_at = now(),
      callback_url = COALESCE(EXCLUDED.callback_url, x.callback_url),
      callback_method = CASE WHEN EXCLUDED.callback_url IS NULL THEN x.callback_method ELSE EXCLUDED.callback_method END
    WHERE x.expires_at > now() AND x.count < x.max_attempts
    RETURNING x.*, (x.xmax = 0) AS created
  ), a AS (
    INSERT INTO verify.attempts (uuid, session_uuid, sequence, channel, status, error_code)
    SELECT $${INSERT_COLUMNS.length + 2}, s.uuid, s.count, s.channel, CASE WHEN $${INSERT_COLUMNS.length + 3}::text IS NULL THEN 'queued' ELSE 'failed' END,
      $${INSERT_COLUMNS.length + 3}::text FROM s
    RETURNING *
  ), e AS (${attemptEventInsert()})
  SELECT s.uuid AS session_uuid, s.created, s.count AS sequence, s.expires_at FROM s`;

const SESSION_VIEW = `
  SELECT s.uuid, s.app_uuid, s.alias, s.recipient, s.channel, s.locale,
    CASE WHEN s.status = 'in-progress' AND s.expires_at <= now() THEN 'expired' ELSE s.status END AS status,
    s.count, s.tries, s.max_tries, s.max_attempts, s.expires_at <= now() AS expired, s.requestor_ip, s.country_iso2, s.network,
    ${utc('s.created_at')} AS created_at, ${utc('s.updated_at')} AS updated_at,
    COALESCE((SELECT json_agg(json_build_object('channel', a.channel, 'attempt_uuid', a.uuid, 'status', a.status,
      'time', ${utc('a.created_at')}) ORDER BY a.sequence)
      FROM verify.attempts a WHERE a.session_uuid = s.uuid), '[]'::json) AS attempts
  FROM verify.sessions s`;

export interface ListFilter {
  clauses: string[];
  params: unknown[];
}

@Injectable()
export class SessionsRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /**
   * Undefined when an open session exists but cannot take another attempt (past expiry, or out of attempts).
   * `heldBack`: the attempt is recorded `failed` with that code (Fraud Shield), never queued.
   */
  async open(s: NewSession, attemptUuid: string, heldBack?: string): Promise<Opened | undefined> {
    const rows: Opened[] = await this.ds.query(traced(OPEN_SQL), [...INSERT_COLUMNS.map((c) => s[c]), s.expiry_seconds, attemptUuid, heldBack ?? null]);
    return rows[0];
  }

  /** The open session for an app and recipient, with why it refused an attempt. */
  async openOne(appUuid: string, recipient: string): Promise<{ uuid: string; expired: boolean } | undefined> {
    const rows = await this.ds.query(
      `SELECT uuid, expires_at <= now() AS expired FROM verify.sessions WHERE app_uuid = $1 AND recipient = $2 AND status = 'in-progress'`,
      [appUuid, recipient],
    );
    return rows[0];
  }

  async find(caller: Caller, uuid: string): Promise<SessionRow | undefined> {
    const rows: SessionRow[] = await this.ds.query(`${SESSION_VIEW} WHERE s.uuid = $1 AND s.${visible(caller, '$2')}`, [uuid, caller.auth_id]);
    return rows[0];
  }

  async list(caller: Caller, filter: ListFilter, limit: number, offset: number): Promise<{ rows: SessionRow[]; total: number }> {
    const params = [caller.auth_id, ...filter.params];
    const where = [`s.${visible(caller, '$1')}`, ...filter.clauses].join(' AND ');
    const [rows, [count]] = await Promise.all([
      this.ds.query(`${SESSION_VIEW} WHERE ${where} ORDER BY s.created_at DESC, s.uuid LIMIT ${limit} OFFSET ${offset}`, params),
      this.ds.query(`SELECT count(*)::int AS n FROM verify.sessions s WHERE ${where}`, params),
    ]);
    return { rows, total: count.n };
  }

  // TypeORM returns [rows, count] for a bare UPDATE; statements here end in SELECT so they return rows.

  /** Spends one validation try on a live session and returns its code hash; nothing when no try is allowed. */
  async spendTry(caller: Caller, uuid: string): Promise<{ otp_hash: Buffer; country_iso2: string | null; recipient: string } | undefined> {
    const rows: { otp_hash: Buffer; country_iso2: string | null; recipient: string }[] = await this.ds.query(
      `WITH s AS (
         UPDATE verify.sessions SET tries = tries + 1, updated_at = now()
         WHERE uuid = $1 AND ${visible(caller, '$2')} AND status = 'in-progress' AND expires_at > now() AND tries < max_tries
         RETURNING otp_hash, country_iso2, recipient
       ) SELECT otp_hash, country_iso2, recipient FROM s`,
      [uuid, caller.auth_id],
    );
    return rows[0];
  }

  /** Marks the session verified, erases the kept code (and its dev-outbox messages) and writes the event, in one statement. */
  async markVerified(uuid: string): Promise<boolean> {
    const rows = await this.ds.query(
      traced(`WITH s AS (
         UPDATE verify.sessions SET status = 'verified', otp_sealed = NULL, updated_at = now()
         WHERE uuid = $1 AND status = 'in-progress' RETURNING *
       ), e AS (${sessionEndedInsert(VerifyEvents.sessionVerified, 's')}), d AS (${devOutboxErase('s')})
       SELECT uuid FROM s`),
      [uuid],
    );
    return rows.length === 1;
  }

  /** Expires the given sessions (or, with none given, up to `batch` overdue ones), erasing their codes and dev-outbox messages; returns those it expired. */
  async expire(uuids: string[] | null, batch = 500): Promise<string[]> {
    const target = uuids
      ? `uuid = ANY($1::uuid[]) AND status = 'in-progress' AND expires_at <= now()`
      : `uuid IN (SELECT uuid FROM verify.sessions WHERE status = 'in-progress' AND expires_at <= now()
                  ORDER BY expires_at LIMIT ${batch} FOR UPDATE SKIP LOCKED)`;
    const rows: { uuid: string }[] = await this.ds.query(
      traced(`WITH s AS (
         UPDATE verify.sessions SET status = 'expired', otp_sealed = NULL, updated_at = now()
         WHERE ${target} AND status = 'in-progress' RETURNING *
       ), e AS (${sessionEndedInsert(VerifyEvents.sessionExpired, 's')}), d AS (${devOutboxErase('s')})
       SELECT uuid FROM s`),
      uuids ? [uuids] : [],
    );
    return rows.map((r) => r.uuid);
  }
}
