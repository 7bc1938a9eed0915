import { Verify1763700000100 } from './1763700000100-verify.js';
import { ProcessedEvents1763800000100 } from './1763800000100-processed-events.js';

export const migrations = [Verify1763700000100, ProcessedEvents1763800000100];
