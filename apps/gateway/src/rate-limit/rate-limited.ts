import { CommonErrors } from '@signet/contracts/common';
import { DomainError } from '@signet/errors';

/** A 429 that knows when the caller may try again; the error mapping sends it as `Retry-After` (seconds). */
export class RateLimitedError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(CommonErrors.RATE_LIMITED, message);
  }
}

/** When a sliding window frees a slot: the entry that has to leave it was recorded at `oldestMs`. */
export const secondsUntilFree = (oldestMs: number, windowMs: number, now = Date.now()): number => Math.max(1, Math.ceil((oldestMs + windowMs - now) / 1000));

/** What `Retry-After` says for a 429 that does not know better (one from a service): the common one-minute window. */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;
