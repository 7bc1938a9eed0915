import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AccountUpdateBody } from '@signet/contracts/identity';
import { DataSource } from 'typeorm';

export interface AccountRow {
  auth_id: string;
  parent_auth_id: string | null;
  name: string;
  email: string | null;
  account_type: 'standard' | 'developer';
  billing_mode: 'prepaid' | 'postpaid';
  data_region: 'us' | 'in';
  status: 'active' | 'suspended' | 'closed';
  enabled: boolean;
  auto_recharge: boolean;
  address: string;
  city: string;
  state: string;
  timezone: string;
  ip_whitelist_enabled: boolean;
  created_at: Date;
  updated_at: Date | null;
  closed_at: Date | null;
}

export interface TokenRow {
  auth_id: string;
  parent_auth_id: string | null;
  status: AccountRow['status'];
  enabled: boolean;
  parent_status: AccountRow['status'] | null;
  /** The main account's: subaccounts live in their main account's region and whitelist. */
  data_region: AccountRow['data_region'];
  ip_whitelist_enabled: boolean;
  token_digest: Buffer;
  expires_at: Date | null;
}

export interface NewAccount {
  auth_id: string;
  name: string;
  token_sealed: Buffer;
  token_digest: Buffer;
}

/** The only place identity touches SQL for accounts and their tokens. */
@Injectable()
export class AccountsRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async find(authId: string): Promise<AccountRow | undefined> {
    const rows: AccountRow[] = await this.ds.query('SELECT * FROM identity.accounts WHERE auth_id = $1', [authId]);
    return rows[0];
  }

  /** Changes what the account owner may change; nothing for a closed or unknown account. */
  async update(authId: string, changes: AccountUpdateBody): Promise<AccountRow | undefined> {
    const rows: AccountRow[] = await this.ds.query(
      `WITH a AS (
         UPDATE identity.accounts SET name = COALESCE($2, name), city = COALESCE($3, city), address = COALESCE($4, address), updated_at = now()
         WHERE auth_id = $1 AND status <> 'closed' RETURNING *
       ) SELECT * FROM a`,
      [authId, changes.name ?? null, changes.city ?? null, changes.address ?? null],
    );
    return rows[0];
  }

  /** Live tokens of an account, with what decides whether and how it may call. */
  async liveTokens(authId: string): Promise<TokenRow[]> {
    return this.ds.query(
      `SELECT a.auth_id, a.parent_auth_id, a.status, a.enabled, p.status AS parent_status, t.token_digest, t.expires_at,
         COALESCE(p.data_region, a.data_region) AS data_region, COALESCE(p.ip_whitelist_enabled, a.ip_whitelist_enabled) AS ip_whitelist_enabled
       FROM identity.auth_tokens t
       JOIN identity.accounts a ON a.auth_id = t.auth_id
       LEFT JOIN identity.accounts p ON p.auth_id = a.parent_auth_id
       WHERE t.auth_id = $1 AND (t.expires_at IS NULL OR t.expires_at > now())`,
      [authId],
    );
  }

  /**
   * Bootstrap: creates the account, or for an existing one replaces its tokens with the given one. With
   * `onlyIfNone`, does nothing when a main account exists. Replicas starting together take turns (advisory lock),
   * so two never both see "none" and each make one.
   */
  async upsertMainAccount(a: NewAccount, onlyIfNone = false): Promise<boolean> {
    return this.ds.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('signet:identity:bootstrap'))`);
      if (onlyIfNone) {
        const [row] = await em.query(`SELECT count(*)::int AS n FROM identity.accounts WHERE parent_auth_id IS NULL AND status <> 'closed'`);
        if (row.n > 0) return false;
      }
      await em.query(
        `INSERT INTO identity.accounts (auth_id, name) VALUES ($1, $2)
         ON CONFLICT (auth_id) DO NOTHING`,
        [a.auth_id, a.name],
      );
      await em.query('DELETE FROM identity.auth_tokens WHERE auth_id = $1', [a.auth_id]);
      await em.query('INSERT INTO identity.auth_tokens (id, auth_id, token_sealed, token_digest) VALUES ($1, $2, $3, $4)', [
        randomUUID(),
        a.auth_id,
        a.token_sealed,
        a.token_digest,
      ]);
      return true;
    });
  }
}
