import { Accounts1763700000000 } from './1763700000000-accounts.js';

export const migrations = [Accounts1763700000000];
