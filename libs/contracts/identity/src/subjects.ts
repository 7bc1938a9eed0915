export const IdentitySubjects = {
  authenticate: 'identity.credentials.authenticate',
  tokenRotate: 'identity.token.rotate',
  accountGet: 'identity.account.get',
  accountUpdate: 'identity.account.update',
  subaccountCreate: 'identity.subaccount.create',
  subaccountGet: 'identity.subaccount.get',
  subaccountList: 'identity.subaccount.list',
  subaccountUpdate: 'identity.subaccount.update',
  subaccountDelete: 'identity.subaccount.delete',
  ipWhitelistList: 'identity.ip_whitelist.list',
  ipWhitelistAdd: 'identity.ip_whitelist.add',
  ipWhitelistRemove: 'identity.ip_whitelist.remove',
  ipWhitelistSet: 'identity.ip_whitelist.set',
  // Operators' lifecycle commands; the gateway serves them only behind the admin bearer token.
  adminAccountCreate: 'identity.admin_account.create',
  adminAccountList: 'identity.admin_account.list',
  adminAccountGet: 'identity.admin_account.get',
  adminAccountSuspend: 'identity.admin_account.suspend',
  adminAccountReactivate: 'identity.admin_account.reactivate',
  adminAccountClose: 'identity.admin_account.close',
  // Internal: the current tokens callback-dispatcher and billing sign webhooks with. Never exposed through the gateway.
  signingTokensGet: 'identity.signing_tokens.get',
} as const;

/**
 * Core NATS (not JetStream) notices: every gateway replica subscribes on its own, without a queue group. A missed
 * notice costs at most the credential cache TTL, and a gateway clears its cache whenever it reconnects to NATS.
 */
export const IdentityNotices = {
  credentialsChanged: 'identity.credentials.changed',
} as const;

/** Published on `identity.credentials.changed`: forget `auth_id`, and every subaccount of it if it is a main account. */
export interface CredentialsChanged {
  auth_id: string;
}
