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
  ) {}

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

  async failure(sender: string): Promise<void> {
    const k = this.keys(sender);
    try {
      const [[, fails]] = (await this.redis
        .multi()
        .incr(k.fails)
        .pexpire(k.fails, this.opts.coolDownMs * 10)
        .exec()) as [[null, number]];
      if (fails >= this.opts.threshold) await this.redis.multi().set(k.open, '1', 'PX', this.opts.coolDownMs).del(k.fails).exec();
    } catch {
      // best effort: see the class comment
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
