import { ChargeBatcher, type ChargeRunner, type QueuedCharge } from './charge-batcher.js';
import type { Entry, Moved } from './ledger.repository.js';

const entry = (authId: string, attemptUuid: string): Entry => ({ authId, accountId: authId, kind: 'charge', attemptUuid });
const moved = (id: string): Moved => ({ amount: '-1', balance: id, alerts: [] });

/** A runner whose calls are recorded and finish when the test says so. */
function runner(opts: { failMany?: boolean } = {}) {
  const calls: string[][] = [];
  const pending: (() => void)[] = [];
  const later = <T>(value: () => T) => new Promise<T>((resolve) => pending.push(() => resolve(value())));
  const r: ChargeRunner = {
    one: (e) => {
      calls.push([e.attemptUuid!]);
      return later(() => moved(e.attemptUuid!));
    },
    many: (_authId, charges: QueuedCharge[]) => {
      calls.push(charges.map((c) => c.entry.attemptUuid!));
      if (opts.failMany) return Promise.reject(new Error('batch failed'));
      return later(() => charges.map((c) => moved(c.entry.attemptUuid!)));
    },
  };
  const settle = async () => {
    for (let i = 0; i < 20; i++) {
      pending.splice(0).forEach((f) => f());
      await new Promise((res) => setImmediate(res));
    }
  };
  return { r, calls, settle };
}

describe('ChargeBatcher (group commit per account)', () => {
  it('runs a charge alone when its account is idle, and batches what arrives meanwhile, up to the limit', async () => {
    const { r, calls, settle } = runner();
    const b = new ChargeBatcher(r, 3);
    const results = Promise.all(['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map((a) => b.charge(entry('MA1', a), 'x', [])));
    const other = b.charge(entry('MA2', 'b1'), 'x', []);
    await settle();
    expect(calls).toEqual([['a1'], ['b1'], ['a2', 'a3', 'a4'], ['a5', 'a6']]);
    expect((await results).map((m) => m?.balance)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    expect((await other)?.balance).toBe('b1');
    // Idle again: the next charge runs alone at once.
    const next = b.charge(entry('MA1', 'a7'), 'x', []);
    await settle();
    expect(calls.at(-1)).toEqual(['a7']);
    expect((await next)?.balance).toBe('a7');
  });

  it('retries a failed batch one charge at a time', async () => {
    const { r, calls, settle } = runner({ failMany: true });
    const b = new ChargeBatcher(r, 10);
    const results = Promise.all(['a1', 'a2', 'a3'].map((a) => b.charge(entry('MA1', a), 'x', [])));
    await settle();
    expect(calls).toEqual([['a1'], ['a2', 'a3'], ['a2'], ['a3']]);
    expect((await results).map((m) => m?.balance)).toEqual(['a1', 'a2', 'a3']);
  });

  it('does not batch at all with a limit of 0', async () => {
    const { r, calls, settle } = runner();
    const b = new ChargeBatcher(r, 0);
    const results = Promise.all(['a1', 'a2', 'a3'].map((a) => b.charge(entry('MA1', a), 'x', [])));
    await settle();
    expect(calls).toEqual([['a1'], ['a2'], ['a3']]);
    await results;
  });
});
