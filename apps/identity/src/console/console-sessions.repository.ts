import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ConsoleRole } from '@signet/contracts/identity';
import { DataSource } from 'typeorm';

export interface LoginRow {
  user_id: string;
  email: string;
  phone: string | null;
  verify_session_uuid: string | null;
  wrong_codes: number;
  device_digest: Buffer;
}

export interface SessionUser {
  session_id: string;
  user_id: string;
  auth_id: string;
  email: string;
  role: ConsoleRole;
  account_status: 'active' | 'suspended' | 'closed';
}

/** What a login attempt is for: a new session, or re-authenticating a signed-in user before a sensitive change. */
export type AttemptPurpose = 'login' | 'reauth';

/** A refresh token presented: swapped for new tokens, a spent one replayed (its family is now ended), or unknown. */
export type Rotation = 'rotated' | 'replayed' | 'invalid';

export interface SessionSecrets {
  access: Buffer;
  accessTtl: number;
  refresh: Buffer;
  refreshTtl: number;
}

/** Login attempts (password right, second factor pending), signed-in sessions, known devices. */
@Injectable()
export class ConsoleSessionsRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async startLogin(digest: Buffer, userId: string, device: Buffer, ttlSeconds: number, purpose: AttemptPurpose): Promise<void> {
    await this.ds.query(
      `INSERT INTO identity.console_logins (digest, user_id, device_digest, expires_at, purpose) VALUES ($1, $2, $3, now() + make_interval(secs => $4), $5)`,
      [digest, userId, device, ttlSeconds, purpose],
    );
  }

  /** A live attempt; with a purpose, only one made for it (a re-auth attempt never opens a session, nor the reverse). */
  async liveLogin(digest: Buffer, purpose?: AttemptPurpose): Promise<LoginRow | undefined> {
    return (
      await this.ds.query(
        `SELECT l.user_id, u.email, u.phone, l.verify_session_uuid, l.wrong_codes, l.device_digest FROM identity.console_logins l
         JOIN identity.console_users u ON u.id = l.user_id
         WHERE l.digest = $1 AND l.ended_at IS NULL AND l.expires_at > now() AND ($2::text IS NULL OR l.purpose = $2)`,
        [digest, purpose ?? null],
      )
    )[0];
  }

  async setLoginVerifySession(digest: Buffer, sessionUuid: string): Promise<void> {
    await this.ds.query('UPDATE identity.console_logins SET verify_session_uuid = $2 WHERE digest = $1', [digest, sessionUuid]);
  }

  /** Counts a wrong code; the tenth ends the attempt. The count after this one. */
  async wrongCode(digest: Buffer, limit: number): Promise<number> {
    const rows: { wrong_codes: number }[] = await this.ds.query(
      `WITH l AS (
         UPDATE identity.console_logins SET wrong_codes = wrong_codes + 1, ended_at = CASE WHEN wrong_codes + 1 >= $2 THEN now() ELSE ended_at END
         WHERE digest = $1 AND ended_at IS NULL RETURNING wrong_codes
       ) SELECT wrong_codes FROM l`,
      [digest, limit],
    );
    return rows[0]?.wrong_codes ?? limit;
  }

  /** Ends the attempt with its one success; false when another request already did. */
  async finishLogin(digest: Buffer): Promise<boolean> {
    const rows = await this.ds.query(
      `WITH l AS (UPDATE identity.console_logins SET ended_at = now() WHERE digest = $1 AND ended_at IS NULL AND expires_at > now() RETURNING 1) SELECT 1 FROM l`,
      [digest],
    );
    return rows.length === 1;
  }

  /** Remembers the device; 'new' the first time it is seen, 'first' for a user's very first device. */
  async seeDevice(userId: string, digest: Buffer): Promise<'known' | 'new' | 'first'> {
    const rows: { inserted: boolean; others: number }[] = await this.ds.query(
      `WITH others AS (SELECT count(*)::int AS n FROM identity.console_devices WHERE user_id = $1 AND digest <> $2),
       d AS (
         INSERT INTO identity.console_devices (user_id, digest) VALUES ($1, $2)
         ON CONFLICT (user_id, digest) DO UPDATE SET last_seen_at = now() RETURNING (xmax = 0) AS inserted
       ) SELECT d.inserted, others.n AS others FROM d, others`,
      [userId, digest],
    );
    if (!rows[0]?.inserted) return 'known';
    return rows[0].others === 0 ? 'first' : 'new';
  }

  async createSession(userId: string, s: SessionSecrets): Promise<string> {
    const id = randomUUID();
    await this.ds.query(
      `INSERT INTO identity.console_sessions (id, user_id, access_digest, access_expires_at, refresh_digest, refresh_expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4), $5, now() + make_interval(secs => $6))`,
      [id, userId, s.access, s.accessTtl, s.refresh, s.refreshTtl],
    );
    return id;
  }

  /**
   * Swaps both tokens of the session (one login's token family) the refresh token belongs to, and remembers the
   * spent one. A spent token presented again means two parties hold the family (OAuth 2.0 Security BCP, refresh
   * token rotation): the whole family ends, access token included, and whoever is legitimate logs in again.
   * Concurrent uses of one token serialize on the session row: the first rotates, the second is a replay.
   */
  async rotate(oldRefresh: Buffer, s: SessionSecrets): Promise<{ outcome: Rotation; userId?: string }> {
    return this.ds.transaction(async (em) => {
      const rotated: { id: string; user_id: string }[] = await em.query(
        `WITH s AS (
           UPDATE identity.console_sessions SET access_digest = $2, access_expires_at = now() + make_interval(secs => $3),
             refresh_digest = $4, refresh_expires_at = now() + make_interval(secs => $5), refreshed_at = now()
           WHERE refresh_digest = $1 AND refresh_expires_at > now() RETURNING id, user_id
         ), spent AS (INSERT INTO identity.console_refresh_spent (digest, session_id) SELECT $1, id FROM s)
         SELECT id, user_id FROM s`,
        [oldRefresh, s.access, s.accessTtl, s.refresh, s.refreshTtl],
      );
      if (rotated.length === 1) return { outcome: 'rotated' as const, userId: rotated[0].user_id };
      const ended: { user_id: string }[] = await em.query(
        `WITH d AS (
           DELETE FROM identity.console_sessions WHERE id = (SELECT session_id FROM identity.console_refresh_spent WHERE digest = $1) RETURNING user_id
         ) SELECT user_id FROM d`,
        [oldRefresh],
      );
      return ended.length === 1 ? { outcome: 'replayed' as const, userId: ended[0].user_id } : { outcome: 'invalid' as const };
    });
  }

  async byAccess(digest: Buffer): Promise<SessionUser | undefined> {
    return (
      await this.ds.query(
        `SELECT s.id AS session_id, u.id AS user_id, u.auth_id, u.email, u.role, a.status AS account_status
         FROM identity.console_sessions s JOIN identity.console_users u ON u.id = s.user_id JOIN identity.accounts a ON a.auth_id = u.auth_id
         WHERE s.access_digest = $1 AND s.access_expires_at > now()`,
        [digest],
      )
    )[0];
  }

  async end(sessionId: string): Promise<void> {
    await this.ds.query('DELETE FROM identity.console_sessions WHERE id = $1', [sessionId]);
  }
}
