import { Accounts1763700000000 } from './1763700000000-accounts.js';
import { Lifecycle1763800000000 } from './1763800000000-lifecycle.js';
import { BalanceInBilling1764300000000 } from './1764300000000-balance-in-billing.js';

export const migrations = [Accounts1763700000000, Lifecycle1763800000000, BalanceInBilling1764300000000];
