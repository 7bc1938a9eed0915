import { Billing1764300000300 } from './1764300000300-billing.js';

export const migrations = [Billing1764300000300];
