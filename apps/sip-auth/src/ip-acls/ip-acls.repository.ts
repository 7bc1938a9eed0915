import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@signet/contracts/common';
import type { IpAclEntryBody } from '@signet/contracts/sip-auth';
import { visible } from '@signet/database';
import { DataSource, type EntityManager } from 'typeorm';
import { withTotal } from '../database/page.js';

export interface IpAclRow {
  uuid: string;
  account_id: string;
  name: string;
}

export interface EntryRow {
  uuid: string;
  ip_acl_uuid: string;
  ip: string;
  cidr_prefix: number;
  description: string;
}

export interface NetworkOf {
  /** The address as Postgres writes it (lowercase, compressed IPv6). */
  ip: string;
  /** The same address with every bit beyond the prefix cleared. */
  network: string;
}

const ENTRY_COLUMNS = 'uuid, ip_acl_uuid, host(network) AS ip, masklen(network) AS cidr_prefix, description';

/** The only place sip-auth touches SQL for IP access control lists and their entries. */
@Injectable()
export class IpAclsRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async find(caller: Caller, uuid: string): Promise<IpAclRow | undefined> {
    const rows: IpAclRow[] = await this.ds.query(`SELECT uuid, account_id, name FROM sipauth.ip_acls WHERE uuid = $1 AND ${visible(caller, '$2')}`, [
      uuid,
      caller.auth_id,
    ]);
    return rows[0];
  }

  async list(caller: Caller, limit: number, offset: number): Promise<{ rows: IpAclRow[]; total: number }> {
    const page = withTotal<IpAclRow>(
      await this.ds.query(
        `SELECT uuid, account_id, name, count(*) OVER () AS total FROM sipauth.ip_acls
         WHERE ${visible(caller, '$1')} ORDER BY created_at DESC, uuid LIMIT $2 OFFSET $3`,
        [caller.auth_id, limit, offset],
      ),
    );
    if (page.total !== undefined) return { rows: page.rows, total: page.total };
    const [row] = await this.ds.query(`SELECT count(*)::int AS n FROM sipauth.ip_acls WHERE ${visible(caller, '$1')}`, [caller.auth_id]);
    return { rows: [], total: row.n };
  }

  /** Entries of the given ACLs, oldest first. */
  async entries(ipAclUuids: string[]): Promise<EntryRow[]> {
    if (ipAclUuids.length === 0) return [];
    return this.ds.query(`SELECT ${ENTRY_COLUMNS} FROM sipauth.ip_acl_entries WHERE ip_acl_uuid = ANY($1::uuid[]) ORDER BY seq`, [ipAclUuids]);
  }

  /** Postgres' own reading of each address with its prefix applied, in the order given. */
  async networksOf(entries: Pick<IpAclEntryBody, 'ip' | 'cidr_prefix'>[]): Promise<NetworkOf[]> {
    return this.ds.query(
      `SELECT host(set_masklen(ip::inet, prefix)) AS ip, host(network(set_masklen(ip::inet, prefix))) AS network
       FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS t (ip, prefix, n) ORDER BY n`,
      [entries.map((e) => e.ip), entries.map((e) => e.cidr_prefix)],
    );
  }

  /** Creates the ACL with its entries unless the account already holds `quota` ACLs (then undefined). */
  async insertWithinQuota(caller: Caller, name: string, entries: IpAclEntryBody[], quota: number): Promise<string | undefined> {
    return this.ds.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sipauth:ip_acls:${caller.auth_id}`]);
      const [{ n }] = await em.query('SELECT count(*)::int AS n FROM sipauth.ip_acls WHERE account_id = $1', [caller.auth_id]);
      if (n >= quota) return undefined;
      const uuid = randomUUID();
      await em.query('INSERT INTO sipauth.ip_acls (uuid, account_id, main_account_id, name) VALUES ($1, $2, $3, $4)', [
        uuid,
        caller.auth_id,
        caller.main_auth_id,
        name,
      ]);
      for (const entry of entries) await this.insertEntry(em, uuid, entry);
      return uuid;
    });
  }

  async rename(uuid: string, name: string): Promise<void> {
    await this.ds.query('UPDATE sipauth.ip_acls SET name = $2, updated_at = now() WHERE uuid = $1', [uuid, name]);
  }

  /** False when the caller sees no such ACL; an application still using it makes this throw (foreign key). */
  async delete(caller: Caller, uuid: string): Promise<boolean> {
    const rows = await this.ds.query(
      `WITH gone AS (DELETE FROM sipauth.ip_acls WHERE uuid = $1 AND ${visible(caller, '$2')} RETURNING uuid) SELECT uuid FROM gone`,
      [uuid, caller.auth_id],
    );
    return rows.length > 0;
  }

  /**
   * Adds an entry unless the ACL already holds `quota` (then undefined). Locking the ACL row keeps concurrent adds
   * from both passing the count; an ACL deleted meanwhile makes the insert throw (foreign key).
   */
  async addEntryWithinQuota(ipAclUuid: string, entry: IpAclEntryBody, quota: number): Promise<EntryRow | undefined> {
    return this.ds.transaction(async (em) => {
      await em.query('SELECT 1 FROM sipauth.ip_acls WHERE uuid = $1 FOR UPDATE', [ipAclUuid]);
      const [{ n }] = await em.query('SELECT count(*)::int AS n FROM sipauth.ip_acl_entries WHERE ip_acl_uuid = $1', [ipAclUuid]);
      if (n >= quota) return undefined;
      return this.insertEntry(em, ipAclUuid, entry);
    });
  }

  async removeEntry(caller: Caller, ipAclUuid: string, entryId: string): Promise<boolean> {
    const rows = await this.ds.query(
      `WITH gone AS (
         DELETE FROM sipauth.ip_acl_entries e USING sipauth.ip_acls a
         WHERE e.uuid = $1 AND e.ip_acl_uuid = $2 AND a.uuid = e.ip_acl_uuid AND ${visible(caller, '$3', 'a.')}
         RETURNING e.uuid)
       SELECT uuid FROM gone`,
      [entryId, ipAclUuid, caller.auth_id],
    );
    return rows.length > 0;
  }

  // `ip/prefix`::cidr refuses host bits beyond the prefix: the service has checked already, this is the last guard.
  private async insertEntry(em: EntityManager, ipAclUuid: string, entry: IpAclEntryBody): Promise<EntryRow> {
    const [row]: EntryRow[] = await em.query(
      `INSERT INTO sipauth.ip_acl_entries (uuid, ip_acl_uuid, network, description) VALUES ($1, $2, ($3::text || '/' || $4::text)::cidr, $5)
       RETURNING ${ENTRY_COLUMNS}`,
      [randomUUID(), ipAclUuid, entry.ip, entry.cidr_prefix, entry.description],
    );
    return row;
  }
}
