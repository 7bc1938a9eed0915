import { SipAuth1763700000200 } from './1763700000200-sip-auth.js';
import { ProcessedEvents1763800000200 } from './1763800000200-processed-events.js';

export const migrations = [SipAuth1763700000200, ProcessedEvents1763800000200];
