import { SipAuth1763700000200 } from './1763700000200-sip-auth.js';

export const migrations = [SipAuth1763700000200];
