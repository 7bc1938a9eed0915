import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Caller } from '@signet/contracts/common';

interface Entry {
  digest: Buffer;
  caller: Caller;
  until: number;
}

/**
 * Credentials identity has confirmed, kept briefly so a request does not cost a NATS round trip. Tokens are held
 * only as an HMAC under a key born with this process, and compared in constant time.
 */
export class CredentialCache {
  private readonly key = randomBytes(32);
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ttlMs: number) {}

  private digest(authId: string, token: string): Buffer {
    return createHmac('sha256', this.key).update(`${authId}:${token}`).digest();
  }

  get(authId: string, token: string): Caller | undefined {
    const entry = this.entries.get(authId);
    if (!entry || entry.until < Date.now()) return undefined;
    return timingSafeEqual(entry.digest, this.digest(authId, token)) ? entry.caller : undefined;
  }

  set(authId: string, token: string, caller: Caller): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size > 100_000) this.entries.clear();
    this.entries.set(authId, { digest: this.digest(authId, token), caller, until: Date.now() + this.ttlMs });
  }

  /** Forget an account at once (token rotated, account suspended or closed). */
  drop(authId: string): void {
    this.entries.delete(authId);
  }
}
