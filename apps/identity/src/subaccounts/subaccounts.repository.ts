import { Inject, Injectable } from '@nestjs/common';
import type { SubaccountUpdateBody } from '@signet/contracts/identity';
import { DataSource } from 'typeorm';
import { type SealedToken, TokensRepository } from '../credentials/tokens.repository.js';
import { subaccountDeletedInsert } from '../events/event-sql.js';

export interface SubaccountRow {
  auth_id: string;
  parent_auth_id: string;
  name: string;
  enabled: boolean;
  /** YYYY-MM-DD, as Plivo shows them */
  created: string;
  modified: string | null;
  token_sealed: Buffer | null;
}

const DAY = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
const SELECT = `
  SELECT a.auth_id, a.parent_auth_id, a.name, a.enabled, ${DAY('a.created_at')} AS created, ${DAY('a.updated_at')} AS modified,
    (SELECT t.token_sealed FROM identity.auth_tokens t WHERE t.auth_id = a.auth_id AND t.expires_at IS NULL) AS token_sealed
  FROM identity.accounts a`;
// A deleted subaccount is kept as `closed` so its id is never issued again, but it is gone from every view.
const LIVE = `a.parent_auth_id = $1 AND a.status <> 'closed'`;

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class SubaccountsRepository {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly tokens: TokensRepository,
  ) {}

  /** A subaccount lives in its main account's region. False when the id is taken (ids are never reused). */
  async insert(mainAuthId: string, authId: string, name: string, enabled: boolean, token: SealedToken): Promise<boolean> {
    try {
      await this.ds.transaction(async (em) => {
        await em.query(
          `INSERT INTO identity.accounts (auth_id, parent_auth_id, name, enabled, account_type, billing_mode, data_region, timezone)
           SELECT $1, m.auth_id, $3, $4, m.account_type, m.billing_mode, m.data_region, m.timezone FROM identity.accounts m WHERE m.auth_id = $2`,
          [authId, mainAuthId, name, enabled],
        );
        await this.tokens.insert(em, authId, token);
      });
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === UNIQUE_VIOLATION) return false;
      throw err;
    }
  }

  async find(mainAuthId: string, authId: string): Promise<SubaccountRow | undefined> {
    const rows: SubaccountRow[] = await this.ds.query(`${SELECT} WHERE ${LIVE} AND a.auth_id = $2`, [mainAuthId, authId]);
    return rows[0];
  }

  /** Newest first. */
  async list(mainAuthId: string, limit: number, offset: number): Promise<{ rows: SubaccountRow[]; total: number }> {
    const [rows, [count]] = await Promise.all([
      this.ds.query(`${SELECT} WHERE ${LIVE} ORDER BY a.created_at DESC, a.auth_id LIMIT $2 OFFSET $3`, [mainAuthId, limit, offset]),
      this.ds.query(`SELECT count(*)::int AS n FROM identity.accounts a WHERE ${LIVE}`, [mainAuthId]),
    ]);
    return { rows, total: count.n };
  }

  async update(mainAuthId: string, authId: string, changes: SubaccountUpdateBody): Promise<boolean> {
    const rows = await this.ds.query(
      `WITH a AS (
         UPDATE identity.accounts a SET name = COALESCE($3, name), enabled = COALESCE($4, enabled), updated_at = now()
         WHERE ${LIVE} AND a.auth_id = $2 RETURNING auth_id
       ) SELECT auth_id FROM a`,
      [mainAuthId, authId, changes.name ?? null, changes.enabled ?? null],
    );
    return rows.length === 1;
  }

  /** Closes the subaccount, drops its tokens and writes `identity.subaccount.deleted`, in one statement. */
  async delete(mainAuthId: string, authId: string, cascade: boolean): Promise<boolean> {
    const rows = await this.ds.query(
      `WITH s AS (
         UPDATE identity.accounts a SET status = 'closed', enabled = false, closed_at = now(), updated_at = now()
         WHERE ${LIVE} AND a.auth_id = $2 RETURNING a.auth_id, a.parent_auth_id
       ), t AS (DELETE FROM identity.auth_tokens WHERE auth_id IN (SELECT auth_id FROM s)),
       e AS (${subaccountDeletedInsert()})
       SELECT auth_id FROM s`,
      [mainAuthId, authId, cascade],
    );
    return rows.length === 1;
  }
}
