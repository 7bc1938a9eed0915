import { Inject, Injectable } from '@nestjs/common';
import { isUuid } from '@signet/contracts/common';
import {
  type CredentialCreateRequest,
  type CredentialListRequest,
  type CredentialListResult,
  type CredentialRef,
  type CredentialUpdateRequest,
  type CredentialView,
  SIP_AUTH_QUOTAS,
  SipAuthErrors,
} from '@signet/contracts/sip-auth';
import { DomainError } from '@signet/errors';
import { SIPAUTH_CONFIG, type SipAuthConfig } from '../config/sip-auth.config.js';
import { PgError, pgErrorCode } from '../database/pg-error.js';
import { credentialDigests } from '../proxy/digest.js';
import { type CredentialRow, CredentialsRepository } from './credentials.repository.js';

export const toCredentialView = (c: CredentialRow): CredentialView => ({
  credential_uuid: c.uuid,
  username: c.username,
  realm: c.realm,
  resource_uri: `/v1/Account/${c.account_id}/SipAuth/Credential/${c.uuid}/`,
});

const notFound = (): DomainError => new DomainError(SipAuthErrors.CREDENTIAL_NOT_FOUND, 'credential not found');
const QUOTA = SIP_AUTH_QUOTAS.credentialsPerAccount;

@Injectable()
export class CredentialsService {
  constructor(
    private readonly credentials: CredentialsRepository,
    @Inject(SIPAUTH_CONFIG) private readonly config: SipAuthConfig,
  ) {}

  async create({ caller, body }: CredentialCreateRequest): Promise<CredentialView> {
    const realm = this.config.SIPAUTH_REALM;
    let uuid: string | undefined;
    try {
      uuid = await this.credentials.insertWithinQuota(caller, body.username, realm, credentialDigests(body.username, realm, body.password), QUOTA);
    } catch (err) {
      // (username, realm) is what a SIP proxy looks a credential up by, so it is unique across accounts. The answer is
      // the same whoever holds the name (this account or another): "unavailable", nothing about where or by whom.
      if (pgErrorCode(err) === PgError.UNIQUE_VIOLATION) {
        throw new DomainError(SipAuthErrors.USERNAME_TAKEN, `username ${body.username} is unavailable: choose another`);
      }
      throw err;
    }
    if (!uuid) throw new DomainError(SipAuthErrors.QUOTA_EXCEEDED, `credential limit reached: at most ${QUOTA} credentials per account`);
    return toCredentialView({ uuid, account_id: caller.auth_id, username: body.username, realm });
  }

  async get({ caller, credential_uuid }: CredentialRef): Promise<CredentialView> {
    return toCredentialView(await this.load({ caller, credential_uuid }));
  }

  async list({ caller, query }: CredentialListRequest): Promise<CredentialListResult> {
    const { rows, total } = await this.credentials.list(caller, query.limit, query.offset);
    return { objects: rows.map(toCredentialView), limit: query.limit, offset: query.offset, total_count: total };
  }

  /** The username cannot change; the new HA1s use the realm the credential was created in. */
  async updatePassword({ caller, credential_uuid, body }: CredentialUpdateRequest): Promise<CredentialView> {
    const credential = await this.load({ caller, credential_uuid });
    await this.credentials.updateDigests(credential.uuid, credentialDigests(credential.username, credential.realm, body.password));
    return toCredentialView(credential);
  }

  async delete({ caller, credential_uuid }: CredentialRef): Promise<void> {
    if (!isUuid(credential_uuid)) throw notFound();
    let deleted: boolean;
    try {
      deleted = await this.credentials.delete(caller, credential_uuid);
    } catch (err) {
      if (pgErrorCode(err) === PgError.FOREIGN_KEY_VIOLATION) {
        throw new DomainError(
          SipAuthErrors.IN_USE,
          'This credential is currently assigned to an application. Remove the assignment first by setting sip_auth_type to empty.',
        );
      }
      throw err;
    }
    if (!deleted) throw notFound();
  }

  private async load({ caller, credential_uuid }: CredentialRef): Promise<CredentialRow> {
    if (!isUuid(credential_uuid)) throw notFound();
    const credential = await this.credentials.find(caller, credential_uuid);
    if (!credential) throw notFound();
    return credential;
  }
}
