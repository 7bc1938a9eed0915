export const SipAuthSubjects = {
  credentialCreate: 'sip-auth.credential.create',
  credentialGet: 'sip-auth.credential.get',
  credentialList: 'sip-auth.credential.list',
  credentialUpdate: 'sip-auth.credential.update',
  credentialDelete: 'sip-auth.credential.delete',
  ipAclCreate: 'sip-auth.ip-acl.create',
  ipAclGet: 'sip-auth.ip-acl.get',
  ipAclList: 'sip-auth.ip-acl.list',
  ipAclUpdate: 'sip-auth.ip-acl.update',
  ipAclDelete: 'sip-auth.ip-acl.delete',
  ipAclEntryAdd: 'sip-auth.ip-acl-entry.add',
  ipAclEntryRemove: 'sip-auth.ip-acl-entry.remove',
  applicationCreate: 'sip-auth.application.create',
  applicationGet: 'sip-auth.application.get',
  applicationList: 'sip-auth.application.list',
  applicationUpdate: 'sip-auth.application.update',
  applicationDelete: 'sip-auth.application.delete',
  /** For SIP proxies that cannot read the Kamailio views: is this digest response right for this credential? */
  digestVerify: 'sip-auth.digest.verify',
  /** For SIP proxies: may this source address call this application? */
  addressCheck: 'sip-auth.address.check',
} as const;
