import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AuthenticatedCaller } from '@signet/contracts/identity';
import { IpAllowList } from './ip-allow-list.js';

export interface Authenticated {
  caller: AuthenticatedCaller;
  /** The main account's whitelist while enforcement is on. */
  allowList: IpAllowList | null;
}

interface Entry extends Authenticated {
  digest: Buffer;
  until: number;
}

const MAX_ENTRIES = 100_000;

/**
 * Credentials identity has confirmed, kept briefly so a request does not cost a NATS round trip. Tokens are held
 * only as an HMAC under a key born with this process, and compared in constant time. Identity's notices drop an
 * account (with its subaccounts) at once; the TTL only bounds what a missed notice can cost.
 */
export class CredentialCache {
  private readonly key = randomBytes(32);
  private readonly entries = new Map<string, Entry>();
  /** main auth id → its subaccounts present in `entries`, so dropping a main account drops them too */
  private readonly families = new Map<string, Set<string>>();
  private generation = 0;

  constructor(private readonly ttlMs: number) {}

  /** Read before asking identity and handed back to `set`: a drop in between makes that answer stale. */
  get epoch(): number {
    return this.generation;
  }

  private digest(authId: string, token: string): Buffer {
    return createHmac('sha256', this.key).update(`${authId}:${token}`).digest();
  }

  get(authId: string, token: string): Authenticated | undefined {
    const entry = this.entries.get(authId);
    if (!entry || entry.until < Date.now()) return undefined;
    return timingSafeEqual(entry.digest, this.digest(authId, token)) ? entry : undefined;
  }

  set(authId: string, token: string, caller: AuthenticatedCaller, epoch: number): Authenticated {
    const authenticated = { caller, allowList: caller.ip_whitelist ? new IpAllowList(caller.ip_whitelist) : null };
    if (this.ttlMs <= 0 || epoch !== this.generation) return authenticated;
    if (this.entries.size >= MAX_ENTRIES) this.clear();
    // A token in its 48-hour grace period is not trusted past its expiry.
    const expires = caller.token_expires_at ? Date.parse(caller.token_expires_at) : Infinity;
    this.entries.set(authId, { ...authenticated, digest: this.digest(authId, token), until: Math.min(Date.now() + this.ttlMs, expires) });
    if (caller.is_subaccount) {
      const family = this.families.get(caller.main_auth_id) ?? new Set<string>();
      this.families.set(caller.main_auth_id, family.add(authId));
    }
    return authenticated;
  }

  /** Forget an account at once (token rotated, suspended, closed, whitelist changed), and a main account's subaccounts. */
  drop(authId: string): void {
    this.generation++;
    const entry = this.entries.get(authId);
    this.entries.delete(authId);
    if (entry?.caller.is_subaccount) this.families.get(entry.caller.main_auth_id)?.delete(authId);
    for (const sub of this.families.get(authId) ?? []) this.entries.delete(sub);
    this.families.delete(authId);
  }

  /** Forget everything: after a NATS reconnect, notices may have been missed. */
  clear(): void {
    this.generation++;
    this.entries.clear();
    this.families.clear();
  }
}
