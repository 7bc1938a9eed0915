import { type Entry, type Moved } from './ledger.repository.js';

/** One charge waiting for its account's turn: the entry, its amount expression and parameters, and who awaits it. */
export interface QueuedCharge {
  entry: Entry;
  amountSql: string;
  params: unknown[];
  resolve(moved: Moved | undefined): void;
  reject(err: unknown): void;
}

/** What the batcher runs: one charge alone (autocommit), or several in one transaction under the account's lock. */
export interface ChargeRunner {
  one(entry: Entry, amountSql: string, params: unknown[]): Promise<Moved | undefined>;
  many(authId: string, charges: QueuedCharge[]): Promise<(Moved | undefined)[]>;
}

/**
 * Group commit for a hot account. Charges on one account serialize on its row lock, and each used to hold that
 * lock through its own commit (a WAL flush): the account's throughput was one commit at a time. Here a charge on an
 * account with nothing in flight runs at once, alone; charges arriving while one is in flight queue, and when it
 * finishes they all run as one batch (up to `maxBatch`) in one transaction — one lock acquisition, one commit.
 * Each charge is still its own statement on the balance the previous one left, so the `>= 0` guard and the
 * alert thresholds see exactly what they saw before. A batch that fails as a whole is retried one charge at a time,
 * so one bad charge cannot fail the others. `maxBatch` 0: no batching (every charge runs and commits on its own).
 */
export class ChargeBatcher {
  private readonly waiting = new Map<string, QueuedCharge[]>();

  constructor(
    private readonly runner: ChargeRunner,
    private readonly maxBatch = 100,
  ) {}

  /** The charge's entry, or undefined when refused or already taken (as `LedgerRepository.move`). */
  charge(entry: Entry, amountSql: string, params: unknown[]): Promise<Moved | undefined> {
    if (this.maxBatch === 0) return this.runner.one(entry, amountSql, params);
    const queue = this.waiting.get(entry.authId);
    if (queue) return new Promise((resolve, reject) => queue.push({ entry, amountSql, params, resolve, reject }));
    this.waiting.set(entry.authId, []);
    return this.runner.one(entry, amountSql, params).finally(() => void this.drain(entry.authId));
  }

  private async drain(authId: string): Promise<void> {
    for (;;) {
      const queue = this.waiting.get(authId) ?? [];
      if (queue.length === 0) {
        this.waiting.delete(authId);
        return;
      }
      const batch = queue.splice(0, this.maxBatch);
      await this.run(authId, batch);
    }
  }

  private async run(authId: string, batch: QueuedCharge[]): Promise<void> {
    if (batch.length === 1) return this.alone(batch[0]);
    let results: (Moved | undefined)[];
    try {
      results = await this.runner.many(authId, batch);
    } catch {
      for (const c of batch) await this.alone(c);
      return;
    }
    batch.forEach((c, i) => c.resolve(results[i]));
  }

  private async alone(c: QueuedCharge): Promise<void> {
    await this.runner.one(c.entry, c.amountSql, c.params).then(c.resolve, c.reject);
  }
}
