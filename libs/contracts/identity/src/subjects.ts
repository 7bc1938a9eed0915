export const IdentitySubjects = {
  authenticate: 'identity.credentials.authenticate',
  accountGet: 'identity.account.get',
} as const;
