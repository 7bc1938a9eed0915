export const SipAuthErrors = {
  CREDENTIAL_NOT_FOUND: 'SIPAUTH_CREDENTIAL_NOT_FOUND',
  IP_ACL_NOT_FOUND: 'SIPAUTH_IP_ACL_NOT_FOUND',
  ENTRY_NOT_FOUND: 'SIPAUTH_ENTRY_NOT_FOUND',
  APPLICATION_NOT_FOUND: 'SIPAUTH_APPLICATION_NOT_FOUND',
  USERNAME_TAKEN: 'SIPAUTH_USERNAME_TAKEN',
  IN_USE: 'SIPAUTH_IN_USE',
  QUOTA_EXCEEDED: 'SIPAUTH_QUOTA_EXCEEDED',
} as const;

/** The seed's account quotas; exceeding one answers 400 with a message naming it. */
export const SIP_AUTH_QUOTAS = {
  credentialsPerAccount: 200,
  ipAclsPerAccount: 100,
  entriesPerIpAcl: 50,
} as const;
