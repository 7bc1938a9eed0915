import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConsoleUsersRepository, type Taken, takenBy } from './console-users.repository.js';

export type ChangePurpose = 'email_change' | 'phone_change';

export interface PendingChange {
  user_id: string;
  data: { new_email?: string; code?: string; wrong?: number; phone?: string; verify_session_uuid?: string };
}

/**
 * Pending changes of a user's login email or 2FA phone: at most one of each per user (a new request replaces the
 * last), stored in console_secrets under a digest of the user and purpose; the code itself only as a digest.
 */
@Injectable()
export class ConsoleChangesRepository {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly users: ConsoleUsersRepository,
  ) {}

  async open(key: Buffer, purpose: ChangePurpose, userId: string, data: PendingChange['data'], ttlSeconds: number): Promise<void> {
    await this.ds.query(
      `INSERT INTO identity.console_secrets (digest, purpose, user_id, data, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
       ON CONFLICT (digest) DO UPDATE SET data = EXCLUDED.data, expires_at = EXCLUDED.expires_at, used_at = NULL, created_at = now()`,
      [key, purpose, userId, JSON.stringify(data), ttlSeconds],
    );
  }

  pending(key: Buffer, purpose: ChangePurpose): Promise<PendingChange | undefined> {
    return this.users.liveSecret(key, purpose) as Promise<PendingChange | undefined>;
  }

  /** Counts a wrong code; the limit-th ends the change. The count after this one. */
  async wrongCode(key: Buffer, limit: number): Promise<number> {
    const rows: { wrong: number }[] = await this.ds.query(
      `WITH s AS (
         UPDATE identity.console_secrets SET data = jsonb_set(data, '{wrong}', to_jsonb(COALESCE((data->>'wrong')::int, 0) + 1)),
           used_at = CASE WHEN COALESCE((data->>'wrong')::int, 0) + 1 >= $2 THEN now() ELSE used_at END
         WHERE digest = $1 AND used_at IS NULL RETURNING (data->>'wrong')::int AS wrong
       ) SELECT wrong FROM s`,
      [key, limit],
    );
    return rows[0]?.wrong ?? limit;
  }

  /**
   * Moves the owner's login email, and with it the account's email: the change is used up, every session and login
   * attempt of the user ends, and links and re-auth tokens sent to or made for the old identity stop working.
   */
  async applyEmail(key: Buffer, userId: string, authId: string, email: string): Promise<'done' | 'gone' | Taken> {
    try {
      return await this.ds.transaction(async (em) => {
        if (!(await this.users.consume(em, key, 'email_change'))) return 'gone' as const;
        await em.query('UPDATE identity.console_users SET email = $2, updated_at = now() WHERE id = $1', [userId, email]);
        await em.query('UPDATE identity.accounts SET email = $2, updated_at = now() WHERE auth_id = $1 AND parent_auth_id IS NULL', [authId, email]);
        await em.query('DELETE FROM identity.console_sessions WHERE user_id = $1', [userId]);
        await em.query('DELETE FROM identity.console_logins WHERE user_id = $1', [userId]);
        await em.query(`DELETE FROM identity.console_secrets WHERE user_id = $1 AND purpose IN ('reset', 'reauth') AND used_at IS NULL`, [userId]);
        return 'done' as const;
      });
    } catch (err) {
      const taken = takenBy(err);
      if (taken) return taken;
      throw err;
    }
  }

  /** Swaps the 2FA phone for the proven one. */
  async applyPhone(key: Buffer, userId: string, phone: string): Promise<'done' | 'gone' | Taken> {
    try {
      return await this.ds.transaction(async (em) => {
        if (!(await this.users.consume(em, key, 'phone_change'))) return 'gone' as const;
        await em.query('UPDATE identity.console_users SET phone = $2, phone_verified_at = now(), updated_at = now() WHERE id = $1', [userId, phone]);
        return 'done' as const;
      });
    } catch (err) {
      const taken = takenBy(err);
      if (taken) return taken;
      throw err;
    }
  }
}
