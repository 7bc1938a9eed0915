import { DomainError } from '@signet/errors';
import { NO_SIP_AUTH, resolveBinding } from './sip-auth-binding.js';

const CRED = '6f1c2f64-3c1e-4a43-9a55-0d7f0f6c1a01';
const ACL = '0b7c8f3e-5d2a-4c3b-8e9f-1a2b3c4d5e6f';
const OTHER = 'a3d9e6c1-7b4f-4e2a-9c8d-2f1e0d9c8b7a';

describe('resolveBinding', () => {
  it('assigns what the type needs', () => {
    expect(resolveBinding(NO_SIP_AUTH, { sip_auth_type: 'credential_ip_acl', credential_uuid: CRED, ip_acl_uuid: ACL })).toEqual({
      sip_auth_type: 'credential_ip_acl',
      credential_uuid: CRED,
      ip_acl_uuid: ACL,
    });
  });

  it('releases both resources when the type is set to ""', () => {
    const bound = { sip_auth_type: 'credential_ip_acl', credential_uuid: CRED, ip_acl_uuid: ACL } as const;
    expect(resolveBinding(bound, { sip_auth_type: '' })).toEqual(NO_SIP_AUTH);
  });

  it('releases the resource a narrower type no longer uses', () => {
    const bound = { sip_auth_type: 'credential_ip_acl', credential_uuid: CRED, ip_acl_uuid: ACL } as const;
    expect(resolveBinding(bound, { sip_auth_type: 'ip_acl' })).toEqual({ sip_auth_type: 'ip_acl', credential_uuid: null, ip_acl_uuid: ACL });
  });

  it('keeps unset fields and swaps a given one', () => {
    const bound = { sip_auth_type: 'credential', credential_uuid: CRED, ip_acl_uuid: null } as const;
    expect(resolveBinding(bound, {})).toEqual(bound);
    expect(resolveBinding(bound, { credential_uuid: OTHER })).toEqual({ ...bound, credential_uuid: OTHER });
    expect(resolveBinding(bound, { sip_auth_type: 'credential_ip_acl', ip_acl_uuid: ACL })).toEqual({
      sip_auth_type: 'credential_ip_acl',
      credential_uuid: CRED,
      ip_acl_uuid: ACL,
    });
  });

  it('requires the resource the type needs', () => {
    expect(() => resolveBinding(NO_SIP_AUTH, { sip_auth_type: 'credential' })).toThrow('credential_uuid: is required when sip_auth_type is credential');
    expect(() => resolveBinding(NO_SIP_AUTH, { sip_auth_type: 'credential_ip_acl', credential_uuid: CRED })).toThrow(
      'ip_acl_uuid: is required when sip_auth_type is credential_ip_acl',
    );
  });

  it('refuses a resource the type does not use', () => {
    expect(() => resolveBinding(NO_SIP_AUTH, { credential_uuid: CRED })).toThrow(DomainError);
    expect(() => resolveBinding(NO_SIP_AUTH, { sip_auth_type: 'credential', credential_uuid: CRED, ip_acl_uuid: ACL })).toThrow(
      'ip_acl_uuid: is used only with sip_auth_type ip_acl or credential_ip_acl',
    );
  });
});
