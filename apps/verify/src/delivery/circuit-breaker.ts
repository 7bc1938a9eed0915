import { gauge } from '@signet/metrics';
import { VENDORS } from '@signet/providers';
import type { Redis } from 'ioredis';

export interface BreakerOptions {
  /** Consecutive API failures that open the circuit. */
  threshold: number;
  /** How long an open circuit skips the sender; the first call after it is the trial. */
  coolDownMs: number;
}

/**
 * A circuit per sender, in Redis so every worker process sees the same one: `threshold` consecutive API failures
 * open it for `coolDownMs`, during which the sender is skipped without a call (a dead provider costs one timeout per
 * cool-down, not one per OTP). Any success closes it. When Redis itself fails the breaker stays closed (it never
 * blocks a delivery on its own).
 */
export class CircuitBreaker {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    readonly opts: BreakerOptions,
  ) {
    // By provider, not by sender: a sender belongs to an account, and labels stay bounded. Every vendor has a series (0: none open).
    gauge(
      'signet_circuits_open',
      'Senders whose circuit breaker is open right now (their OTPs go to the next sender), by provider.',
      ['provider'],
      async (g) => {
        const open = await this.openByProvider();
        g.reset();
        for (const provider of new Set<string>([...VENDORS, ...open.keys()])) g.set({ provider }, open.get(provider) ?? 0);
      },
    );
  }

  /** Open circuits per provider, by a SCAN of their keys (a handful at most; read when scraped); each key holds its provider. */
  async openByProvider(): Promise<Map<string, number>> {
    const open = new Map<string, number>();
    for await (const keys of this.redis.scanStream({ match: `${this.prefix}:breaker:*:open`, count: 200 })) {
      if ((keys as string[]).length === 0) continue;
      for (const provider of await this.redis.mget(...(keys as string[]))) if (provider) open.set(provider, (open.get(provider) ?? 0) + 1);
    }
    return open;
  }

  private keys(sender: string): { fails: string; open: string } {
    return { fails: `${this.prefix}:breaker:${sender}:fails`, open: `${this.prefix}:breaker:${sender}:open` };
  }

  /** Closes the breaker's own Redis connection (at shutdown). */
  onApplicationShutdown(): void {
    this.redis.disconnect();
  }

  async isOpen(sender: string): Promise<boolean> {
    try {
      return (await this.redis.exists(this.keys(sender).open)) === 1;
    } catch {
      return false;
    }
  }

  /** Counts a failure of `sender` (a `provider` one); true when it opened the circuit. */
  async failure(sender: string, provider: string): Promise<boolean> {
    const k = this.keys(sender);
    try {
      const [[, fails]] = (await this.redis
        .multi()
        .incr(k.fails)
        .pexpire(k.fails, this.opts.coolDownMs * 10)
        .exec()) as [[null, number]];
      if (fails < this.opts.threshold) return false;
      await this.redis.multi().set(k.open, provider, 'PX', this.opts.coolDownMs).del(k.fails).exec();
      return true;
    } catch {
      return false; // best effort: see the class comment
    }
  }

  async success(sender: string): Promise<void> {
    try {
      await this.redis.del(this.keys(sender).fails);
    } catch {
      // best effort
    }
  }
}
