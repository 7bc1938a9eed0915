import { Inject, Injectable } from '@nestjs/common';
import { AUTOMATIC_THRESHOLDS_MICROS, type LedgerKind } from '@signet/contracts/billing';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared.js';

/** A new ledger entry; `amount` is a SQL expression over the statement's parameters (a price looked up in it). */
export interface Entry {
  authId: string;
  accountId: string;
  kind: LedgerKind;
  attemptUuid?: string | null;
  sessionUuid?: string | null;
  channel?: 'sms' | 'voice' | 'validation' | null;
  countryIso?: string | null;
  reference?: string | null;
  trial?: boolean;
}

export interface Moved {
  amount: string;
  balance: string;
  alerts: string[];
}

const AUTOMATIC = `ARRAY[${AUTOMATIC_THRESHOLDS_MICROS.join(', ')}]::bigint[]`;

/**
 * The one statement that moves money: the account row's balance changes by `amount` (refused when it would go below
 * zero, or when a charge meets a closed account), the ledger entry carrying the new balance is appended, and every
 * alert threshold this entry took the balance below is recorded as a pending alert — all or nothing. Concurrent
 * moves on one account queue on its row lock, so each sees the balance the previous one left: a threshold is crossed
 * by exactly one entry, and two charges can never spend the same credit. A duplicate (the same attempt charged
 * twice, a reused credit reference) violates a unique index and rolls the whole statement back.
 * Parameters: $1 auth_id, $2 account_id, $3 kind, $4 attempt, $5 session, $6 channel, $7 country, $8 reference,
 * $9 trial, then the amount expression's own.
 */
const moveSql = (amount: string): string => `
  WITH amt AS (SELECT (${amount})::bigint AS v),
  b AS (
    UPDATE billing.accounts a SET balance_micros = a.balance_micros + amt.v, updated_at = now()
    FROM amt
    WHERE a.auth_id = $1::text AND amt.v IS NOT NULL AND a.balance_micros + amt.v >= 0 AND (a.closed_at IS NULL OR $3::text <> 'charge')
    RETURNING a.balance_micros AS after, a.balance_micros - amt.v AS before, amt.v AS amount
  ), l AS (
    INSERT INTO billing.ledger (auth_id, account_id, kind, amount_micros, balance_after_micros, attempt_uuid, session_uuid, channel, country_iso, reference, trial)
    SELECT $1::text, $2::text, $3::text, b.amount, b.after, $4::uuid, $5::uuid, $6::text, $7::text, $8::text, $9::boolean FROM b
    RETURNING uuid
  ), t AS (
    SELECT DISTINCT ON (th) th, kind FROM (
      SELECT unnest(${AUTOMATIC}) AS th, 'automatic' AS kind
      UNION ALL
      SELECT unnest(s.thresholds_micros), 'custom' FROM billing.alert_settings s WHERE s.auth_id = $1::text
    ) x ORDER BY th, kind
  ), al AS (
    INSERT INTO billing.alerts (auth_id, threshold_micros, kind, balance_micros)
    SELECT $1::text, t.th, t.kind, b.after FROM b, t WHERE b.before >= t.th AND b.after < t.th
    RETURNING uuid
  )
  SELECT b.amount::text AS amount, b.after::text AS balance, COALESCE((SELECT array_agg(uuid::text) FROM al), '{}') AS alerts
  FROM b`;

@Injectable()
export class LedgerRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** Appends the entry and moves the balance; undefined when refused (no account, not enough credit, closed). */
  async move(e: Entry, amountSql: string, amountParams: unknown[], em: EntityManager | DataSource = this.ds): Promise<Moved | undefined> {
    const rows = await preparedQuery<Moved>(em, moveSql(amountSql), [
      e.authId,
      e.accountId,
      e.kind,
      e.attemptUuid ?? null,
      e.sessionUuid ?? null,
      e.channel ?? null,
      e.countryIso ?? null,
      e.reference ?? null,
      e.trial ?? false,
      ...amountParams,
    ]);
    return rows[0];
  }

  /** `move` inside a transaction holding an advisory lock on `key`, so its amount reads what the last holder wrote. */
  moveSerialized(key: string, e: Entry, amountSql: string, amountParams: unknown[]): Promise<Moved | undefined> {
    return this.ds.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`billing:${key}`]);
      return this.move(e, amountSql, amountParams, em);
    });
  }

  /**
   * Several attempt charges of one account in one transaction: the account row is locked first (so the attempts
   * already charged, by this process or another, are visible), those and repeats within the batch are skipped
   * (undefined, as a refusal), the rest move one after the other on the balance the previous left. One commit.
   */
  chargeMany(authId: string, charges: { entry: Entry; amountSql: string; params: unknown[] }[]): Promise<(Moved | undefined)[]> {
    return this.ds.transaction(async (em) => {
      await em.query('SELECT 1 FROM billing.accounts WHERE auth_id = $1 FOR UPDATE', [authId]);
      const attempts = charges.map((c) => c.entry.attemptUuid);
      const taken: { attempt_uuid: string }[] = await em.query(
        `SELECT attempt_uuid::text FROM billing.ledger WHERE attempt_uuid = ANY($1::uuid[]) AND kind = 'charge'`,
        [attempts],
      );
      const seen = new Set(taken.map((t) => t.attempt_uuid));
      const results: (Moved | undefined)[] = [];
      for (const c of charges) {
        const attempt = c.entry.attemptUuid ?? '';
        if (seen.has(attempt)) {
          results.push(undefined);
          continue;
        }
        seen.add(attempt);
        results.push(await this.move(c.entry, c.amountSql, c.params, em));
      }
      return results;
    });
  }

  async hasPrice(countryIso: string): Promise<boolean> {
    return (await this.ds.query('SELECT 1 FROM billing.prices WHERE country_iso = $1', [countryIso])).length > 0;
  }

  async ensureAccount(authId: string): Promise<void> {
    await this.ds.query('INSERT INTO billing.accounts (auth_id) VALUES ($1) ON CONFLICT (auth_id) DO NOTHING', [authId]);
  }

  async account(authId: string): Promise<{ balance_micros: string; closed: boolean } | undefined> {
    const rows = await this.ds.query('SELECT balance_micros::text, closed_at IS NOT NULL AS closed FROM billing.accounts WHERE auth_id = $1', [authId]);
    return rows[0];
  }

  async balances(authIds: string[]): Promise<Record<string, string>> {
    const rows: { auth_id: string; balance_micros: string }[] = await this.ds.query(
      'SELECT auth_id, balance_micros::text FROM billing.accounts WHERE auth_id = ANY($1::text[])',
      [authIds],
    );
    return Object.fromEntries(authIds.map((id) => [id, rows.find((r) => r.auth_id === id)?.balance_micros ?? '0']));
  }

  async chargeOf(
    attemptUuid: string,
  ): Promise<{ auth_id: string; account_id: string; amount_micros: string; channel: string; country_iso: string } | undefined> {
    const rows = await this.ds.query(
      `SELECT auth_id, account_id, amount_micros::text, channel, country_iso FROM billing.ledger WHERE attempt_uuid = $1 AND kind = 'charge'`,
      [attemptUuid],
    );
    return rows[0];
  }

  async validationOf(sessionUuid: string): Promise<{ amount_micros: string } | undefined> {
    const rows = await this.ds.query(`SELECT amount_micros::text FROM billing.ledger WHERE session_uuid = $1 AND kind = 'charge' AND channel = 'validation'`, [
      sessionUuid,
    ]);
    return rows[0];
  }

  async rechargeOf(
    authId: string,
    reference: string,
  ): Promise<{ uuid: string; amount_micros: string; balance_after_micros: string; created_at: string } | undefined> {
    const rows = await this.ds.query(
      `SELECT uuid, amount_micros::text, balance_after_micros::text, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at
       FROM billing.ledger WHERE auth_id = $1 AND reference = $2 AND kind = 'recharge'`,
      [authId, reference],
    );
    return rows[0];
  }

  /** Net money per attempt (charge, refund, adjustment) and the validation charge per session. */
  async sessionCharges(attemptUuids: string[], sessionUuids: string[]): Promise<{ attempts: Record<string, string>; validations: Record<string, string> }> {
    const [attempts, validations]: { id: string; net: string }[][] = await Promise.all([
      attemptUuids.length
        ? this.ds.query(
            `SELECT attempt_uuid::text AS id, (-sum(amount_micros))::text AS net FROM billing.ledger
             WHERE attempt_uuid = ANY($1::uuid[]) AND kind IN ('charge', 'refund', 'adjustment') GROUP BY attempt_uuid`,
            [attemptUuids],
          )
        : [],
      sessionUuids.length
        ? this.ds.query(
            `SELECT session_uuid::text AS id, (-amount_micros)::text AS net FROM billing.ledger
             WHERE session_uuid = ANY($1::uuid[]) AND kind = 'charge' AND channel = 'validation'`,
            [sessionUuids],
          )
        : [],
    ]);
    return { attempts: Object.fromEntries(attempts.map((r) => [r.id, r.net])), validations: Object.fromEntries(validations.map((r) => [r.id, r.net])) };
  }
}
