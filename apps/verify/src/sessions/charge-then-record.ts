import type { ChargeAttemptRequest } from '@signet/contracts/billing';
import { CommonErrors } from '@signet/contracts/common';
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
  await chargeSettled(billing, charge, apiId);
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

const unanswered = (err: unknown) => err instanceof DomainError && err.code === CommonErrors.SERVICE_UNAVAILABLE;

/**
 * A charge request that got no answer (timeout, no responders) may have landed or not. Asking again with the same
 * attempt id settles it: billing applies one charge per attempt and answers the earlier one. Still no answer: the
 * charge, if it landed, is given back (best effort) and the create fails 503, so nothing is charged for an attempt
 * that never came to exist.
 */
async function chargeSettled(billing: BillingClient, charge: ChargeAttemptRequest, apiId?: string): Promise<void> {
  try {
    await billing.chargeAttempt(charge, apiId);
  } catch (err) {
    if (!unanswered(err)) throw err;
    try {
      await billing.chargeAttempt(charge, apiId);
    } catch (again) {
      if (unanswered(again)) await billing.release(charge.attempt_uuid, 'charge request unanswered', apiId);
      throw again;
    }
  }
}
