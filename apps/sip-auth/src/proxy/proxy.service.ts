import { Injectable } from '@nestjs/common';
import {
  type AddressCheckRequest,
  type AddressCheckResult,
  type DigestVerifyRequest,
  type DigestVerifyResult,
  SipAuthErrors,
} from '@signet/contracts/sip-auth';
import { DomainError } from '@signet/errors';
import { ApplicationsRepository } from '../applications/applications.repository.js';
import { usesIpAcl } from '../applications/sip-auth-binding.js';
import { CredentialsRepository } from '../credentials/credentials.repository.js';
import { responseMatches, storedHa1For } from './digest.js';

/** The questions a SIP proxy that cannot read the Kamailio views asks over NATS. */
@Injectable()
export class ProxyService {
  constructor(
    private readonly credentials: CredentialsRepository,
    private readonly apps: ApplicationsRepository,
  ) {}

  async verifyDigest(request: DigestVerifyRequest): Promise<DigestVerifyResult> {
    const credential = await this.credentials.findForDigest(request.username, request.realm);
    const valid = credential !== undefined && responseMatches(storedHa1For(request.algorithm, credential), request);
    return { valid, credential_uuid: valid ? credential.uuid : null };
  }

  async checkAddress(request: AddressCheckRequest): Promise<AddressCheckResult> {
    const app = await this.apps.findForProxy(request.app_id, request.sip_auth_group);
    if (!app) throw new DomainError(SipAuthErrors.APPLICATION_NOT_FOUND, 'application not found');
    if (!usesIpAcl(app.sip_auth_type) || !app.ip_acl_uuid) return { app_id: app.uuid, ip_acl_required: false, allowed: true };
    return { app_id: app.uuid, ip_acl_required: true, allowed: await this.apps.ipAclContains(app.ip_acl_uuid, request.source_ip) };
  }
}
