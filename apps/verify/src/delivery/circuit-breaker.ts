import { gauge } from '@signet/metrics';
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
    gauge('signet_circuits_open', 'Senders whose circuit breaker is open right now (their OTPs go to the next sender).', [], async (g) =>
      g.set(await this.openCount()),
    );
  }

  /** Open circuits, by a SCAN of their keys (a handful at most; read when scraped). */
  async openCount(): Promise<number> {
    let n = 0;
    for await (const keys of this.redis.scanStream({ match: `${this.prefix}:breaker:*:open`, count: 200 })) n += (keys as string[]).length;
    return n;
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

  /** Counts a failure; true when it opened the circuit. */
  async failure(sender: string): Promise<boolean> {
    const k = this.keys(sender);
    try {
      const [[, fails]] = (await this.redis
        .multi()
        .incr(k.fails)
        .pexpire(k.fails, this.opts.coolDownMs * 10)
        .exec()) as [[null, number]];
      if (fails < this.opts.threshold) return false;
      await this.redis.multi().set(k.open, '1', 'PX', this.opts.coolDownMs).del(k.fails).exec();
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
