import { Verify1763700000100 } from './1763700000100-verify.js';
import { ProcessedEvents1763800000100 } from './1763800000100-processed-events.js';
import { Delivery1764100000100 } from './1764100000100-delivery.js';
import { ChargesInBilling1764300000100 } from './1764300000100-charges-in-billing.js';
import { DevOutboxSession1764500000100 } from './1764500000100-dev-outbox-session.js';
import { Abuse1764600000100 } from './1764600000100-abuse.js';
import { Messages1764700000100 } from './1764700000100-messages.js';

export const migrations = [
  Verify1763700000100,
  ProcessedEvents1763800000100,
  Delivery1764100000100,
  ChargesInBilling1764300000100,
  DevOutboxSession1764500000100,
  Abuse1764600000100,
  Messages1764700000100,
];
