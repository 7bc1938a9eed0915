import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { CommonErrors } from '@signet/contracts/common';
import { type RateLimitBuckets, VerifyErrors } from '@signet/contracts/verify';
import { DomainError } from '@signet/errors';

/** Plivo's per-recipient limit: at most 5 sends to one number in 10 minutes, per main account. */
export const PER_RECIPIENT = { max: 5, interval: 600 } as const;

/**
 * Per-recipient and programmable (app-declared) limits, counted in Redis so they hold across every gateway and
 * verify replica (rate-limiter-flexible's atomic fixed windows). A full bucket is a 429 naming it, whose message
 * carries the seconds the gateway turns into Retry-After; Redis down → per-replica memory counts (insurance limiter).
 */
export class RateLimits {
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    /** The platform's console account: identity throttles its logins per user and address, so it has no per-recipient bucket. */
    private readonly consoleAccount?: string,
  ) {}

  private limiter(max: number, interval: number): RateLimiterRedis {
    const id = `${max}/${interval}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${this.prefix}:rl:${id}`,
        points: max,
        duration: interval,
        rejectIfRedisNotReady: true,
        // Redis down: each replica counts in memory meanwhile (the library's insurance limiter), so creates go on
        // (their OTPs are queued once Redis is back) and no number escapes its limit by more than the replica count.
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: `${this.prefix}:rl:${id}`, points: max, duration: interval }),
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }

  /** Takes one send from the recipient's bucket and from each app bucket a value was passed for. */
  async take(mainAccountId: string, recipient: string, appUuid: string, buckets: RateLimitBuckets, values: Record<string, string> | undefined): Promise<void> {
    const unknown = Object.keys(values ?? {}).find((name) => !buckets[name]);
    if (unknown) throw new DomainError(VerifyErrors.RATE_LIMIT_UNKNOWN, `rate_limits.${unknown}: the application declares no such rate limit bucket`);
    const takes = mainAccountId === this.consoleAccount ? [] : [this.consume('recipient', PER_RECIPIENT, `${mainAccountId}:${recipient}`)];
    for (const [name, value] of Object.entries(values ?? {})) takes.push(this.consume(name, buckets[name], `${appUuid}:${name}:${value}`));
    const results = await Promise.allSettled(takes);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (refused) throw refused.reason;
  }

  private async consume(name: string, bucket: { max: number; interval: number }, key: string): Promise<void> {
    try {
      await this.limiter(bucket.max, bucket.interval).consume(key);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw new DomainError(CommonErrors.SERVICE_UNAVAILABLE, 'service unavailable: the rate limit store is down');
      const retry = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      throw new DomainError(
        CommonErrors.RATE_LIMITED,
        `too many requests: rate limit '${name}' allows ${bucket.max} sends per ${bucket.interval} seconds; try again in ${retry} seconds`,
      );
    }
  }
}
