import { Accounts1763700000000 } from './1763700000000-accounts.js';
import { Lifecycle1763800000000 } from './1763800000000-lifecycle.js';
import { BalanceInBilling1764300000000 } from './1764300000000-balance-in-billing.js';
import { ConsoleUsers1764400000000 } from './1764400000000-console-users.js';
import { ConsoleSso1764400000100 } from './1764400000100-console-sso.js';
import { ConsoleAccountCare1764900000100 } from './1764900000100-console-account-care.js';

export const migrations = [
  Accounts1763700000000,
  Lifecycle1763800000000,
  BalanceInBilling1764300000000,
  ConsoleUsers1764400000000,
  ConsoleSso1764400000100,
  ConsoleAccountCare1764900000100,
];
