import { CommonErrors } from '@signet/contracts/common';
import type { ApplicationUpdateBody, SipAuthType } from '@signet/contracts/sip-auth';
import { DomainError } from '@signet/errors';

/** What an application authenticates SIP callers with. The database checks the same rule (applications CHECKs). */
export interface SipAuthBinding {
  sip_auth_type: SipAuthType;
  credential_uuid: string | null;
  ip_acl_uuid: string | null;
}

export const NO_SIP_AUTH: SipAuthBinding = { sip_auth_type: '', credential_uuid: null, ip_acl_uuid: null };

export const usesCredential = (type: SipAuthType): boolean => type === 'credential' || type === 'credential_ip_acl';
export const usesIpAcl = (type: SipAuthType): boolean => type === 'ip_acl' || type === 'credential_ip_acl';

const invalid = (message: string): DomainError => new DomainError(CommonErrors.VALIDATION_FAILED, message);

/**
 * The binding after `changes`: an unset field keeps its value, a resource the type does not use is released
 * (so `sip_auth_type: ""` unassigns both), and a resource the type needs must be given or already assigned.
 */
export function resolveBinding(
  current: SipAuthBinding,
  changes: Pick<ApplicationUpdateBody, 'sip_auth_type' | 'credential_uuid' | 'ip_acl_uuid'>,
): SipAuthBinding {
  const type = changes.sip_auth_type ?? current.sip_auth_type;
  if (changes.credential_uuid !== undefined && !usesCredential(type)) {
    throw invalid('credential_uuid: is used only with sip_auth_type credential or credential_ip_acl');
  }
  if (changes.ip_acl_uuid !== undefined && !usesIpAcl(type)) {
    throw invalid('ip_acl_uuid: is used only with sip_auth_type ip_acl or credential_ip_acl');
  }
  const credential = usesCredential(type) ? (changes.credential_uuid ?? current.credential_uuid) : null;
  const ipAcl = usesIpAcl(type) ? (changes.ip_acl_uuid ?? current.ip_acl_uuid) : null;
  if (usesCredential(type) && !credential) throw invalid(`credential_uuid: is required when sip_auth_type is ${type}`);
  if (usesIpAcl(type) && !ipAcl) throw invalid(`ip_acl_uuid: is required when sip_auth_type is ${type}`);
  return { sip_auth_type: type, credential_uuid: credential, ip_acl_uuid: ipAcl };
}
