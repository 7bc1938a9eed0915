import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IP_WHITELIST_MAX, type IpWhitelistEntryView } from '@signet/contracts/identity';
import { utc } from '@signet/database';
import { DataSource, type EntityManager } from 'typeorm';

const ENTRY = `id, cidr::text AS cidr, ${utc('created_at')} AS created_at`;

/** Why a change was refused, decided under the account's row lock so concurrent changes cannot slip past it. */
export type WhitelistRefusal = 'no-account' | 'duplicate' | 'full' | 'last-entry' | 'empty' | 'no-entry';

@Injectable()
export class IpWhitelistRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** What the gateway enforces: Postgres keeps each as a canonical `cidr` (`192.0.2.0/24`, `2001:db8::/32`). */
  async cidrs(authId: string): Promise<string[]> {
    const rows: { cidr: string }[] = await this.ds.query('SELECT cidr::text AS cidr FROM identity.ip_whitelist WHERE auth_id = $1 ORDER BY cidr', [authId]);
    return rows.map((r) => r.cidr);
  }

  async list(authId: string): Promise<{ enabled: boolean; objects: IpWhitelistEntryView[] } | undefined> {
    const [account] = await this.ds.query(`SELECT ip_whitelist_enabled FROM identity.accounts WHERE auth_id = $1 AND status <> 'closed'`, [authId]);
    if (!account) return undefined;
    const objects: IpWhitelistEntryView[] = await this.ds.query(`SELECT ${ENTRY} FROM identity.ip_whitelist WHERE auth_id = $1 ORDER BY created_at, cidr`, [
      authId,
    ]);
    return { enabled: account.ip_whitelist_enabled, objects };
  }

  /** Adds a CIDR; a host address inside a network (`192.0.2.7/24`) is stored as its network (`192.0.2.0/24`). */
  add(authId: string, cidr: string): Promise<IpWhitelistEntryView | WhitelistRefusal> {
    return this.locked(authId, async (em, state) => {
      if (state.count >= IP_WHITELIST_MAX) return 'full';
      const rows: IpWhitelistEntryView[] = await em.query(
        `WITH w AS (
           INSERT INTO identity.ip_whitelist (id, auth_id, cidr) VALUES ($1, $2, network($3::inet))
           ON CONFLICT (auth_id, cidr) DO NOTHING RETURNING *
         ) SELECT ${ENTRY} FROM w`,
        [randomUUID(), authId, cidr],
      );
      return rows[0] ?? 'duplicate';
    });
  }

  /** The last entry cannot go while enforcement is on: that would lock every caller out. */
  remove(authId: string, entryId: string): Promise<true | WhitelistRefusal> {
    return this.locked(authId, async (em, state) => {
      const [entry] = await em.query('SELECT id FROM identity.ip_whitelist WHERE id = $1 AND auth_id = $2', [entryId, authId]);
      if (!entry) return 'no-entry';
      if (state.enabled && state.count === 1) return 'last-entry';
      await em.query('DELETE FROM identity.ip_whitelist WHERE id = $1', [entryId]);
      return true;
    });
  }

  /** Enforcement with no entry would refuse every address, so it needs at least one. */
  setEnabled(authId: string, enabled: boolean): Promise<true | WhitelistRefusal> {
    return this.locked(authId, async (em, state) => {
      if (enabled && state.count === 0) return 'empty';
      await em.query('UPDATE identity.accounts SET ip_whitelist_enabled = $2, updated_at = now() WHERE auth_id = $1', [authId, enabled]);
      return true;
    });
  }

  private locked<T>(authId: string, change: (em: EntityManager, state: { enabled: boolean; count: number }) => Promise<T>): Promise<T | 'no-account'> {
    return this.ds.transaction(async (em) => {
      const [account] = await em.query(`SELECT ip_whitelist_enabled FROM identity.accounts WHERE auth_id = $1 AND status <> 'closed' FOR UPDATE`, [authId]);
      if (!account) return 'no-account';
      // Counted in a statement after the lock, so it sees what the previous holder of the lock committed.
      const [{ count }] = await em.query('SELECT count(*)::int AS count FROM identity.ip_whitelist WHERE auth_id = $1', [authId]);
      return change(em, { enabled: account.ip_whitelist_enabled, count });
    });
  }
}
