import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@signet/contracts/common';
import { visible } from '@signet/database';
import { DataSource } from 'typeorm';
import type { CredentialDigests } from '../proxy/digest.js';
import { withTotal } from '../database/page.js';

export interface CredentialRow {
  uuid: string;
  account_id: string;
  username: string;
  realm: string;
}

export interface DigestRow {
  uuid: string;
  ha1: string;
  ha1_sha256: string;
}

const SELECT = 'SELECT uuid, account_id, username, realm FROM sipauth.credentials';

/** The only place sip-auth touches SQL for credentials. */
@Injectable()
export class CredentialsRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async find(caller: Caller, uuid: string): Promise<CredentialRow | undefined> {
    const rows: CredentialRow[] = await this.ds.query(`${SELECT} WHERE uuid = $1 AND ${visible(caller, '$2')}`, [uuid, caller.auth_id]);
    return rows[0];
  }

  async list(caller: Caller, limit: number, offset: number): Promise<{ rows: CredentialRow[]; total: number }> {
    const page = withTotal<CredentialRow>(
      await this.ds.query(
        `SELECT uuid, account_id, username, realm, count(*) OVER () AS total FROM sipauth.credentials
         WHERE ${visible(caller, '$1')} ORDER BY created_at DESC, uuid LIMIT $2 OFFSET $3`,
        [caller.auth_id, limit, offset],
      ),
    );
    if (page.total !== undefined) return { rows: page.rows, total: page.total };
    const [row] = await this.ds.query(`SELECT count(*)::int AS n FROM sipauth.credentials WHERE ${visible(caller, '$1')}`, [caller.auth_id]);
    return { rows: [], total: row.n };
  }

  /**
   * Inserts unless the account already holds `quota` credentials (then undefined). The per-account advisory lock
   * makes count-then-insert exact under concurrent creates. A taken (realm, username) throws a unique violation.
   */
  async insertWithinQuota(caller: Caller, username: string, realm: string, digests: CredentialDigests, quota: number): Promise<string | undefined> {
    return this.ds.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sipauth:credentials:${caller.auth_id}`]);
      const [{ n }] = await em.query('SELECT count(*)::int AS n FROM sipauth.credentials WHERE account_id = $1', [caller.auth_id]);
      if (n >= quota) return undefined;
      const uuid = randomUUID();
      await em.query(
        `INSERT INTO sipauth.credentials (uuid, account_id, main_account_id, username, realm, ha1, ha1b, ha1_sha256)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [uuid, caller.auth_id, caller.main_auth_id, username, realm, digests.ha1, digests.ha1b, digests.ha1_sha256],
      );
      return uuid;
    });
  }

  async updateDigests(uuid: string, digests: CredentialDigests): Promise<void> {
    await this.ds.query('UPDATE sipauth.credentials SET ha1 = $2, ha1b = $3, ha1_sha256 = $4, updated_at = now() WHERE uuid = $1', [
      uuid,
      digests.ha1,
      digests.ha1b,
      digests.ha1_sha256,
    ]);
  }

  /** False when the caller sees no such credential; an application still using it makes this throw (foreign key). */
  async delete(caller: Caller, uuid: string): Promise<boolean> {
    const rows = await this.ds.query(
      `WITH gone AS (DELETE FROM sipauth.credentials WHERE uuid = $1 AND ${visible(caller, '$2')} RETURNING uuid) SELECT uuid FROM gone`,
      [uuid, caller.auth_id],
    );
    return rows.length > 0;
  }

  async findForDigest(username: string, realm: string): Promise<DigestRow | undefined> {
    const rows: DigestRow[] = await this.ds.query('SELECT uuid, ha1, ha1_sha256 FROM sipauth.credentials WHERE realm = $1 AND username = $2', [
      realm,
      username,
    ]);
    return rows[0];
  }
}
