import { BillingErrors } from '@signet/contracts/billing';
import { CommonErrors } from '@signet/contracts/common';
import { DomainError } from '@signet/errors';
import type { EventsRelay } from '@signet/outbox';
import type { BillingClient } from '../billing/billing.client.js';
import { chargeThenRecord } from './charge-then-record.js';

const charge = { caller: { auth_id: 'MA1', main_auth_id: 'MA1', is_subaccount: false }, attempt_uuid: 'a-1', country_iso: 'US', channel: 'sms' as const };
const relay = { kick: () => undefined } as unknown as EventsRelay;
const unavailable = () => new DomainError(CommonErrors.SERVICE_UNAVAILABLE, 'service unavailable: billing-alerts did not answer');

/** A billing client whose charge answers are scripted: an error to throw, or a charge. */
function billing(answers: (Error | 'ok')[]) {
  const calls = { charges: 0, released: [] as string[] };
  const client = {
    chargeAttempt: async () => {
      const answer = answers[calls.charges++] ?? 'ok';
      if (answer instanceof Error) throw answer;
      return { charge_micros: '6500', balance_micros: '1000' };
    },
    release: async (attempt: string, reason: string) => void calls.released.push(`${attempt}: ${reason}`),
  } as unknown as BillingClient;
  return { client, calls };
}

describe('chargeThenRecord', () => {
  it('asks again with the same attempt id when a charge request gets no answer, and records once it is settled', async () => {
    const { client, calls } = billing([unavailable(), 'ok']);
    let recorded = 0;
    await expect(chargeThenRecord(client, relay, charge, async () => ++recorded)).resolves.toBe(1);
    expect([calls.charges, calls.released]).toEqual([2, []]);
  });

  it('gives the charge back when the second ask gets no answer either, and fails without recording', async () => {
    const { client, calls } = billing([unavailable(), unavailable()]);
    let recorded = 0;
    await expect(chargeThenRecord(client, relay, charge, async () => ++recorded)).rejects.toMatchObject({ code: CommonErrors.SERVICE_UNAVAILABLE });
    expect([recorded, calls.released]).toEqual([0, ['a-1: charge request unanswered']]);
  });

  it('never asks again after a refusal (the answer is known)', async () => {
    const refused = new DomainError(BillingErrors.INSUFFICIENT_CREDIT, 'insufficient credit');
    const { client, calls } = billing([refused]);
    await expect(chargeThenRecord(client, relay, charge, async () => 1)).rejects.toBe(refused);
    expect([calls.charges, calls.released]).toEqual([1, []]);
  });

  it('gives the charge back when the attempt cannot be recorded', async () => {
    const { client, calls } = billing(['ok']);
    await expect(
      chargeThenRecord(client, relay, charge, async () => {
        throw new DomainError(CommonErrors.SERVICE_UNAVAILABLE, 'database down');
      }),
    ).rejects.toThrow('database down');
    expect(calls.released).toEqual([`a-1: ${CommonErrors.SERVICE_UNAVAILABLE}`]);
  });
});
