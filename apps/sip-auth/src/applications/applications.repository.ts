import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@signet/contracts/common';
import type { ApplicationView } from '@signet/contracts/sip-auth';
import { visible } from '@signet/database';
import { DataSource } from 'typeorm';
import { withTotal } from '../database/page.js';
import type { SipAuthBinding } from './sip-auth-binding.js';

/** The stored application: the settings the API shows, plus who owns it and its Kamailio address group. */
export type ApplicationRow = Pick<ApplicationView, 'app_name' | 'answer_url' | 'answer_method' | 'sip_auth_type' | 'credential_uuid' | 'ip_acl_uuid'> & {
  uuid: string;
  account_id: string;
  main_account_id: string;
  grp: number;
};

export type ApplicationSettings = Pick<ApplicationRow, 'app_name' | 'answer_url' | 'answer_method'> & SipAuthBinding;

const COLUMNS = 'uuid, account_id, main_account_id, grp, app_name, answer_url, answer_method, sip_auth_type, credential_uuid, ip_acl_uuid';
const SETTINGS = ['app_name', 'answer_url', 'answer_method', 'sip_auth_type', 'credential_uuid', 'ip_acl_uuid'] as const;

/** The only place sip-auth touches SQL for applications and their SIP auth bindings. */
@Injectable()
export class ApplicationsRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async find(caller: Caller, uuid: string): Promise<ApplicationRow | undefined> {
    const rows: ApplicationRow[] = await this.ds.query(`SELECT ${COLUMNS} FROM sipauth.applications WHERE uuid = $1 AND ${visible(caller, '$2')}`, [
      uuid,
      caller.auth_id,
    ]);
    return rows[0];
  }

  /** For SIP proxies, which ask on behalf of no account: by id or by group number (the one given; the other is null). */
  async findForProxy(uuid: string | undefined, grp: number | undefined): Promise<ApplicationRow | undefined> {
    const rows: ApplicationRow[] = await this.ds.query(`SELECT ${COLUMNS} FROM sipauth.applications WHERE uuid = $1::uuid OR grp = $2::int`, [
      uuid ?? null,
      grp ?? null,
    ]);
    return rows[0];
  }

  async list(caller: Caller, limit: number, offset: number): Promise<{ rows: ApplicationRow[]; total: number }> {
    const page = withTotal<ApplicationRow>(
      await this.ds.query(
        `SELECT ${COLUMNS}, count(*) OVER () AS total FROM sipauth.applications
         WHERE ${visible(caller, '$1')} ORDER BY created_at DESC, uuid LIMIT $2 OFFSET $3`,
        [caller.auth_id, limit, offset],
      ),
    );
    if (page.total !== undefined) return { rows: page.rows, total: page.total };
    const [row] = await this.ds.query(`SELECT count(*)::int AS n FROM sipauth.applications WHERE ${visible(caller, '$1')}`, [caller.auth_id]);
    return { rows: [], total: row.n };
  }

  /** A credential or ACL that does not exist anymore when this runs makes it throw (foreign key). */
  async insert(caller: Caller, settings: ApplicationSettings): Promise<string> {
    const uuid = randomUUID();
    await this.ds.query(
      `INSERT INTO sipauth.applications (uuid, account_id, main_account_id, ${SETTINGS.join(', ')})
       VALUES ($1, $2, $3, ${SETTINGS.map((_, i) => `$${i + 4}`).join(', ')})`,
      [uuid, caller.auth_id, caller.main_auth_id, ...SETTINGS.map((s) => settings[s])],
    );
    return uuid;
  }

  async update(uuid: string, settings: ApplicationSettings): Promise<void> {
    await this.ds.query(`UPDATE sipauth.applications SET ${SETTINGS.map((s, i) => `${s} = $${i + 2}`).join(', ')}, updated_at = now() WHERE uuid = $1`, [
      uuid,
      ...SETTINGS.map((s) => settings[s]),
    ]);
  }

  async delete(uuid: string): Promise<void> {
    await this.ds.query('DELETE FROM sipauth.applications WHERE uuid = $1', [uuid]);
  }

  async credentialOwnedBy(accountId: string, uuid: string): Promise<boolean> {
    const rows = await this.ds.query('SELECT 1 FROM sipauth.credentials WHERE uuid = $1 AND account_id = $2', [uuid, accountId]);
    return rows.length > 0;
  }

  async ipAclOwnedBy(accountId: string, uuid: string): Promise<boolean> {
    const rows = await this.ds.query('SELECT 1 FROM sipauth.ip_acls WHERE uuid = $1 AND account_id = $2', [uuid, accountId]);
    return rows.length > 0;
  }

  /** Whether an entry of the ACL contains the address (an IPv4 address is never inside an IPv6 entry). */
  async ipAclContains(ipAclUuid: string, ip: string): Promise<boolean> {
    const [row] = await this.ds.query('SELECT EXISTS (SELECT 1 FROM sipauth.ip_acl_entries WHERE ip_acl_uuid = $1 AND $2::inet <<= network) AS allowed', [
      ipAclUuid,
      ip,
    ]);
    return row.allowed;
  }
}
