/** Console team roles (the seeds' table). The Owner is the account's creator: never removed, never demoted. */
export const CONSOLE_ROLES = ['owner', 'admin', 'developer', 'support', 'finance'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];
/** The roles an invitation may give: ownership only moves with the owner's email. */
export const INVITABLE_ROLES = ['admin', 'developer', 'support', 'finance'] as const;

/** What a console endpoint needs. Every endpoint behind a console login names exactly one. */
export const CONSOLE_PERMISSIONS = [
  'profile', // one's own profile, password, 2FA, logout: every role
  'team.manage', // invite, change roles, remove
  'credentials.manage', // auth token, IP whitelist
  'apps.manage', // Verify applications (configuration)
  'logs.read', // Verify session logs and usage
  'billing.read', // balance and billing
  'sso.manage', // the domain's SAML connection
  'ownership', // the owner's login email, which is how ownership moves: the owner alone
] as const;
export type ConsolePermission = (typeof CONSOLE_PERMISSIONS)[number];

const ALL: readonly ConsolePermission[] = CONSOLE_PERMISSIONS;
const ALL_BUT_OWNERSHIP = ALL.filter((p) => p !== 'ownership');

export const ROLE_PERMISSIONS: Record<ConsoleRole, readonly ConsolePermission[]> = {
  owner: ALL,
  admin: ALL_BUT_OWNERSHIP,
  developer: ['profile', 'credentials.manage', 'apps.manage', 'logs.read'],
  support: ['profile', 'logs.read'],
  finance: ['profile', 'billing.read'],
};

export const roleAllows = (role: ConsoleRole, permission: ConsolePermission): boolean => ROLE_PERMISSIONS[role].includes(permission);
