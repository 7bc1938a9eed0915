import { Inject, Injectable } from '@nestjs/common';
import type { AccountDataStore, Owner } from '@signet/account-data';
import type { CallbackStatus, CallbackView } from '@signet/contracts/callbacks';
import type { Caller } from '@signet/contracts/common';
import { utc, visible } from '@signet/database';
import { DataSource, type EntityManager } from 'typeorm';
import type { CallbackFields } from './events/callback-fields.js';

export interface NewCallback {
  uuid: string;
  account_id: string;
  main_account_id: string;
  session_uuid: string;
  event_type: string;
  event_time: string;
  stream_seq: number;
  attempt_uuid: string | null;
  url: string;
  method: 'GET' | 'POST';
  fields: CallbackFields;
}

export interface CallbackRow {
  uuid: string;
  account_id: string;
  main_account_id: string;
  event_time: Date;
  stream_seq: string;
  url: string;
  method: 'GET' | 'POST';
  fields: CallbackFields;
  status: CallbackStatus;
  tries: number;
  next_try_at: Date | null;
}

export interface TryRecord {
  started_at: Date;
  latency_ms: number;
  http_status: number | null;
  error: string | null;
  response: string | null;
}

@Injectable()
export class CallbacksRepository implements AccountDataStore {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** Due now: its first try is immediate. A redelivered event finds the row and changes nothing. */
  async insert(em: EntityManager, c: NewCallback): Promise<void> {
    await em.query(
      `INSERT INTO callbacks.callbacks (uuid, account_id, main_account_id, session_uuid, event_type, event_time, stream_seq, attempt_uuid, url, method, fields, next_try_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now()) ON CONFLICT (uuid) DO NOTHING`,
      [
        c.uuid,
        c.account_id,
        c.main_account_id,
        c.session_uuid,
        c.event_type,
        c.event_time,
        c.stream_seq,
        c.attempt_uuid,
        c.url,
        c.method,
        JSON.stringify(c.fields),
      ],
    );
  }

  /** The fields of the session's latest attempt callback (highest sequence, then the latest event). */
  async latestAttemptFields(em: EntityManager, sessionUuid: string): Promise<CallbackFields | undefined> {
    const rows: { fields: CallbackFields }[] = await em.query(
      `SELECT fields FROM callbacks.callbacks WHERE session_uuid = $1 AND attempt_uuid IS NOT NULL
        ORDER BY (fields->>'AttemptSequence')::int DESC, stream_seq DESC LIMIT 1`,
      [sessionUuid],
    );
    return rows[0]?.fields;
  }

  async find(uuid: string): Promise<CallbackRow | undefined> {
    const rows: CallbackRow[] = await this.ds.query(
      'SELECT uuid, account_id, main_account_id, event_time, stream_seq, url, method, fields, status, tries, next_try_at FROM callbacks.callbacks WHERE uuid = $1',
      [uuid],
    );
    return rows[0];
  }

  /**
   * One statement: the try and the callback's new state. A scheduled try counts towards the schedule; a replay
   * that fails leaves a pending callback pending (its schedule goes on) and any other failed.
   */
  async recordTry(uuid: string, t: TryRecord, outcome: 'delivered' | 'gone' | 'retry' | 'failed', nextTryAt: Date | null, replay: boolean): Promise<void> {
    const status = outcome === 'retry' ? 'pending' : outcome;
    await this.ds.query(
      `WITH t AS (
         INSERT INTO callbacks.tries (callback_uuid, replay, started_at, latency_ms, http_status, error, response) VALUES ($1, $2, $3, $4, $5, $6, $7)
       )
       UPDATE callbacks.callbacks SET
         tries = tries + CASE WHEN $2 THEN 0 ELSE 1 END,
         status = CASE WHEN $2 AND $8 = 'failed' AND status = 'pending' THEN 'pending' ELSE $8 END,
         next_try_at = CASE WHEN $2 AND $8 = 'failed' AND status = 'pending' THEN next_try_at ELSE $9::timestamptz END,
         updated_at = now()
       WHERE uuid = $1`,
      [uuid, replay, t.started_at, t.latency_ms, t.http_status, t.error, t.response, status, nextTryAt],
    );
  }

  async listForSession(caller: Caller, sessionUuid: string): Promise<CallbackView[]> {
    return this.ds.query(
      `SELECT c.uuid AS callback_uuid, c.session_uuid, c.event_type AS event, ${utc('c.event_time')} AS event_time, c.url, c.method, c.status, c.fields,
              CASE WHEN c.next_try_at IS NULL THEN NULL ELSE ${utc('c.next_try_at')} END AS next_try_at, ${utc('c.created_at')} AS created_at,
              coalesce((SELECT json_agg(json_build_object('number', n.number, 'time', ${utc('n.started_at')}, 'http_status', n.http_status,
                         'latency_ms', n.latency_ms, 'error', n.error, 'response', n.response, 'replay', n.replay) ORDER BY n.number)
                        FROM (SELECT t.*, row_number() OVER (ORDER BY t.id) AS number FROM callbacks.tries t WHERE t.callback_uuid = c.uuid) n), '[]') AS tries
         FROM callbacks.callbacks c
        WHERE c.session_uuid = $1 AND c.${visible(caller, '$2')}
        ORDER BY c.stream_seq`,
      [sessionUuid, caller.auth_id],
    );
  }

  /** Counts a replay of one visible callback: the number names its job. Undefined when the caller cannot see it. */
  async countReplay(caller: Caller, uuid: string): Promise<number | undefined> {
    const rows: { replays: number }[] = await this.ds.query(
      `WITH u AS (UPDATE callbacks.callbacks SET replays = replays + 1, updated_at = now() WHERE uuid = $1 AND ${visible(caller, '$2')} RETURNING replays) SELECT replays FROM u`,
      [uuid, caller.auth_id],
    );
    return rows[0]?.replays;
  }

  /** Counts a replay of every visible failed callback created in [from, to). */
  async countFailedReplays(caller: Caller, from: Date, to: Date): Promise<{ uuid: string; replays: number }[]> {
    return this.ds.query(
      `WITH u AS (
         UPDATE callbacks.callbacks SET replays = replays + 1, updated_at = now()
          WHERE ${visible(caller, '$1')} AND status = 'failed' AND created_at >= $2 AND created_at < $3 RETURNING uuid, replays
       ) SELECT uuid, replays FROM u`,
      [caller.auth_id, from, to],
    );
  }

  /** Pending callbacks whose try is overdue by more than `staleMs`: their job was lost (or never added). */
  async overdue(staleMs: number, limit: number): Promise<string[]> {
    const rows: { uuid: string }[] = await this.ds.query(
      `SELECT uuid FROM callbacks.callbacks WHERE status = 'pending' AND next_try_at < now() - make_interval(secs => $1::float8 / 1000) ORDER BY next_try_at LIMIT $2`,
      [staleMs, limit],
    );
    return rows.map((r) => r.uuid);
  }

  async deleteOwned(em: EntityManager, owner: Owner, id: string): Promise<void> {
    await em.query(`DELETE FROM callbacks.callbacks WHERE ${owner} = $1`, [id]);
  }

  async moveSubaccount(em: EntityManager, authId: string, mainAuthId: string): Promise<void> {
    await em.query('UPDATE callbacks.callbacks SET account_id = $2 WHERE account_id = $1', [authId, mainAuthId]);
  }
}
