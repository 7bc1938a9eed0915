import { Injectable } from '@nestjs/common';
import { CommonErrors, isUuid } from '@signet/contracts/common';
import {
  type IpAclCreateRequest,
  type IpAclEntryAddRequest,
  type IpAclEntryBody,
  type IpAclEntryRef,
  type IpAclEntryView,
  type IpAclListRequest,
  type IpAclListResult,
  type IpAclRef,
  type IpAclUpdateRequest,
  type IpAclView,
  SIP_AUTH_QUOTAS,
  SipAuthErrors,
} from '@signet/contracts/sip-auth';
import { DomainError } from '@signet/errors';
import { PgError, pgErrorCode } from '../database/pg-error.js';
import { type EntryRow, type IpAclRow, IpAclsRepository } from './ip-acls.repository.js';

const toEntryView = (e: EntryRow): IpAclEntryView => ({ entry_id: e.uuid, ip: e.ip, cidr_prefix: e.cidr_prefix, description: e.description });

export const toIpAclView = (acl: IpAclRow, entries: EntryRow[]): IpAclView => ({
  ip_acl_uuid: acl.uuid,
  name: acl.name,
  entries: entries.filter((e) => e.ip_acl_uuid === acl.uuid).map(toEntryView),
  resource_uri: `/v1/Account/${acl.account_id}/SipAuth/IpAccessControlList/${acl.uuid}/`,
});

const notFound = (): DomainError => new DomainError(SipAuthErrors.IP_ACL_NOT_FOUND, 'IP ACL not found');
const ACL_QUOTA = SIP_AUTH_QUOTAS.ipAclsPerAccount;
const ENTRY_QUOTA = SIP_AUTH_QUOTAS.entriesPerIpAcl;

@Injectable()
export class IpAclsService {
  constructor(private readonly acls: IpAclsRepository) {}

  async create({ caller, body }: IpAclCreateRequest): Promise<IpAclView> {
    await this.refuseHostBits(body.entries, (i) => `entries.${i}.ip`);
    const uuid = await this.acls.insertWithinQuota(caller, body.name, body.entries, ACL_QUOTA);
    if (!uuid) throw new DomainError(SipAuthErrors.QUOTA_EXCEEDED, `IP ACL limit reached: at most ${ACL_QUOTA} IP ACLs per account`);
    return this.get({ caller, ip_acl_uuid: uuid });
  }

  async get(ref: IpAclRef): Promise<IpAclView> {
    const acl = await this.load(ref);
    return toIpAclView(acl, await this.acls.entries([acl.uuid]));
  }

  async list({ caller, query }: IpAclListRequest): Promise<IpAclListResult> {
    const { rows, total } = await this.acls.list(caller, query.limit, query.offset);
    const entries = await this.acls.entries(rows.map((r) => r.uuid));
    return { objects: rows.map((acl) => toIpAclView(acl, entries)), limit: query.limit, offset: query.offset, total_count: total };
  }

  async rename({ caller, ip_acl_uuid, body }: IpAclUpdateRequest): Promise<IpAclView> {
    const acl = await this.load({ caller, ip_acl_uuid });
    await this.acls.rename(acl.uuid, body.name);
    return this.get({ caller, ip_acl_uuid });
  }

  async delete({ caller, ip_acl_uuid }: IpAclRef): Promise<void> {
    if (!isUuid(ip_acl_uuid)) throw notFound();
    let deleted: boolean;
    try {
      deleted = await this.acls.delete(caller, ip_acl_uuid);
    } catch (err) {
      if (pgErrorCode(err) === PgError.FOREIGN_KEY_VIOLATION) {
        throw new DomainError(
          SipAuthErrors.IN_USE,
          'This IP ACL is currently assigned to an application. Remove the assignment first by setting sip_auth_type to empty.',
        );
      }
      throw err;
    }
    if (!deleted) throw notFound();
  }

  async addEntry({ caller, ip_acl_uuid, body }: IpAclEntryAddRequest): Promise<IpAclEntryView> {
    const acl = await this.load({ caller, ip_acl_uuid });
    await this.refuseHostBits([body], () => 'ip');
    let entry: EntryRow | undefined;
    try {
      entry = await this.acls.addEntryWithinQuota(acl.uuid, body, ENTRY_QUOTA);
    } catch (err) {
      if (pgErrorCode(err) === PgError.FOREIGN_KEY_VIOLATION) throw notFound();
      throw err;
    }
    if (!entry) throw new DomainError(SipAuthErrors.QUOTA_EXCEEDED, `entry limit reached: at most ${ENTRY_QUOTA} entries per IP ACL`);
    return toEntryView(entry);
  }

  async removeEntry({ caller, ip_acl_uuid, entry_id }: IpAclEntryRef): Promise<void> {
    const acl = await this.load({ caller, ip_acl_uuid });
    if (!isUuid(entry_id) || !(await this.acls.removeEntry(caller, acl.uuid, entry_id))) {
      throw new DomainError(SipAuthErrors.ENTRY_NOT_FOUND, 'IP ACL entry not found');
    }
  }

  /**
   * An address with bits set beyond its prefix (10.0.0.5/24) is refused, not silently widened to its network: it
   * is ambiguous (one host meant, or the network?) and the caller learns the network address to send instead.
   */
  private async refuseHostBits(entries: IpAclEntryBody[], field: (index: number) => string): Promise<void> {
    if (entries.length === 0) return;
    const networks = await this.acls.networksOf(entries);
    networks.forEach(({ ip, network }, i) => {
      if (ip !== network) {
        const prefix = entries[i].cidr_prefix;
        throw new DomainError(
          CommonErrors.VALIDATION_FAILED,
          `${field(i)}: ${entries[i].ip} has bits set beyond its /${prefix} prefix; did you mean ${network}/${prefix}?`,
        );
      }
    });
  }

  private async load({ caller, ip_acl_uuid }: IpAclRef): Promise<IpAclRow> {
    if (!isUuid(ip_acl_uuid)) throw notFound();
    const acl = await this.acls.find(caller, ip_acl_uuid);
    if (!acl) throw notFound();
    return acl;
  }
}
