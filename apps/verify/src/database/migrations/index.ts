import { Verify1763700000100 } from './1763700000100-verify.js';

export const migrations = [Verify1763700000100];
