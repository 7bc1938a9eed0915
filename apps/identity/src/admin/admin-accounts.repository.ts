import { Inject, Injectable } from '@nestjs/common';
import type { AdminAccountCreateBody, AdminAccountListQuery, AdminAccountView } from '@signet/contracts/identity';
import { utc } from '@signet/database';
import { DataSource } from 'typeorm';
import { type SealedToken, TokensRepository } from '../credentials/tokens.repository.js';
import { accountClosedInsert } from '../events/event-sql.js';

const SELECT = `
  SELECT a.auth_id, a.name, a.email, a.account_type, a.billing_mode, a.data_region, a.status,
    (SELECT count(*)::int FROM identity.accounts s WHERE s.parent_auth_id = a.auth_id AND s.status <> 'closed') AS subaccount_count,
    ${utc('a.created_at')} AS created_at, ${utc('a.updated_at')} AS updated_at, ${utc('a.closed_at')} AS closed_at,
    '/admin/v1/Account/' || a.auth_id || '/' AS resource_uri
  FROM identity.accounts a`;

/** The view without the balance, which billing-alerts holds. */
export type AdminAccountRow = Omit<AdminAccountView, 'cash_credits_micros'>;

export type CreateOutcome = 'created' | 'id-taken' | 'email-taken';

/** Main accounts as operators see them; subaccounts are their main account's business. */
@Injectable()
export class AdminAccountsRepository {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly tokens: TokensRepository,
  ) {}

  /** An email already used by a main account (closed ones included) is refused; a taken id is drawn again. */
  async create(authId: string, a: AdminAccountCreateBody, token: SealedToken): Promise<CreateOutcome> {
    try {
      return await this.ds.transaction(async (em) => {
        const inserted: unknown[] = await em.query(
          `WITH a AS (
             INSERT INTO identity.accounts (auth_id, name, email, data_region, account_type, billing_mode) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (lower(email)) WHERE parent_auth_id IS NULL AND email IS NOT NULL DO NOTHING RETURNING auth_id
           ) SELECT auth_id FROM a`,
          [authId, a.name, a.email, a.data_region, a.account_type, a.billing_mode],
        );
        if (inserted.length === 0) return 'email-taken';
        await this.tokens.insert(em, authId, token);
        return 'created';
      });
    } catch (err) {
      if ((err as { code?: string }).code === '23505') return 'id-taken';
      throw err;
    }
  }

  async find(authId: string): Promise<AdminAccountRow | undefined> {
    const rows: AdminAccountRow[] = await this.ds.query(`${SELECT} WHERE a.auth_id = $1 AND a.parent_auth_id IS NULL`, [authId]);
    return rows[0];
  }

  /** Newest first; `email` matches exactly (case-insensitive), `name` as a case-insensitive substring. */
  async list(q: AdminAccountListQuery): Promise<{ rows: AdminAccountRow[]; total: number }> {
    const clauses = ['a.parent_auth_id IS NULL'];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      clauses.push(sql(`$${params.length}`));
    };
    if (q.status) add((p) => `a.status = ${p}`, q.status);
    if (q.data_region) add((p) => `a.data_region = ${p}`, q.data_region);
    if (q.email) add((p) => `lower(a.email) = ${p}`, q.email);
    if (q.name) add((p) => `a.name ILIKE ${p}`, `%${q.name.replace(/[\\%_]/g, '\\$&')}%`);
    const where = clauses.join(' AND ');
    const [rows, [count]] = await Promise.all([
      this.ds.query(`${SELECT} WHERE ${where} ORDER BY a.created_at DESC, a.auth_id LIMIT ${q.limit} OFFSET ${q.offset}`, params),
      this.ds.query(`SELECT count(*)::int AS n FROM identity.accounts a WHERE ${where}`, params),
    ]);
    return { rows, total: count.n };
  }

  /** Moves a main account between active and suspended; false when it is not in `from` (closed, or unknown). */
  async setStatus(authId: string, from: 'active' | 'suspended', to: 'active' | 'suspended'): Promise<boolean> {
    const rows = await this.ds.query(
      `WITH a AS (
         UPDATE identity.accounts SET status = $3, updated_at = now() WHERE auth_id = $1 AND parent_auth_id IS NULL AND status = $2 RETURNING auth_id
       ) SELECT auth_id FROM a`,
      [authId, from, to],
    );
    return rows.length === 1;
  }

  /**
   * Closes the main account and its subaccounts, drops every token and the whitelist, and writes
   * `identity.account.closed`, in one statement. The rows stay (as `closed`) so no id is ever issued again.
   */
  async close(authId: string): Promise<boolean> {
    const rows = await this.ds.query(
      `WITH closed AS (
         UPDATE identity.accounts SET status = 'closed', enabled = false, ip_whitelist_enabled = false, closed_at = now(), updated_at = now()
         WHERE ((auth_id = $1 AND parent_auth_id IS NULL) OR parent_auth_id = $1) AND status <> 'closed'
         RETURNING auth_id, parent_auth_id
       ), m AS (SELECT auth_id FROM closed WHERE auth_id = $1),
       t AS (DELETE FROM identity.auth_tokens WHERE auth_id IN (SELECT auth_id FROM closed)),
       w AS (DELETE FROM identity.ip_whitelist WHERE auth_id IN (SELECT auth_id FROM m)),
       e AS (${accountClosedInsert()})
       SELECT auth_id FROM m`,
      [authId],
    );
    return rows.length === 1;
  }
}
