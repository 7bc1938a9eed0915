import type { ChargeAttemptRequest } from '@signet/contracts/billing';
import { DomainError } from '@signet/errors';
import type { EventsRelay } from '@signet/outbox';
import type { BillingClient } from '../billing/billing.client.js';

/**
 * How every attempt comes to exist, asked for (session create) or added by the workflow: prepaid, so billing charges
 * it before it exists (a refusal, 402, leaves nothing recorded, queued or sent); then `record` writes it with its
 * event; if that fails the charge is given back. The caller queues its delivery.
 */
export async function chargeThenRecord<T>(
  billing: BillingClient,
  relay: EventsRelay,
  charge: ChargeAttemptRequest,
  record: () => Promise<T>,
  apiId?: string,
): Promise<T> {
  await billing.chargeAttempt(charge, apiId);
  let recorded: T;
  try {
    recorded = await record();
  } catch (err) {
    await billing.release(charge.attempt_uuid, err instanceof DomainError ? err.code : 'attempt not recorded', apiId);
    throw err;
  }
  relay.kick();
  return recorded;
}
