import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ConsoleRole, ConsoleUserView } from '@signet/contracts/identity';
import { DataSource, type EntityManager } from 'typeorm';
import { type SealedToken, TokensRepository } from '../credentials/tokens.repository.js';
import { utc } from '@signet/database';

export interface UserRow {
  id: string;
  auth_id: string;
  email: string;
  name: string;
  phone: string | null;
  password_hash: string | null;
  role: ConsoleRole;
  email_verified_at: Date | null;
  phone_verified_at: Date | null;
  totp_sealed: Buffer | null;
  totp_enabled_at: Date | null;
  totp_last_step: string | null;
  account_status: 'active' | 'suspended' | 'closed';
}

export type SecretPurpose = 'activation' | 'reset' | 'invite' | 'phone' | 'reauth' | 'email_change' | 'phone_change';

export interface NewOwner {
  user_id: string;
  auth_id: string;
  name: string;
  email: string;
  phone: string;
  password_hash: string;
  data_region: 'us' | 'in';
  token: SealedToken;
}

const USER = `SELECT u.*, a.status AS account_status FROM identity.console_users u JOIN identity.accounts a ON a.auth_id = u.auth_id`;
export const VIEW = `SELECT u.id AS user_id, u.auth_id, u.email, u.name, u.role, u.phone,
    CASE WHEN u.email_verified_at IS NOT NULL AND u.phone_verified_at IS NOT NULL THEN 'active' ELSE 'pending' END AS status,
    u.totp_enabled_at IS NOT NULL AS totp_enabled, ${utc('u.created_at')} AS created_at
  FROM identity.console_users u`;

/** Which unique rule a failed insert broke: the email or the phone is already someone's (closed accounts too). */
export type Taken = 'email' | 'phone';
export const takenBy = (err: unknown): Taken | undefined => {
  const e = err as { code?: string; constraint?: string };
  if (e.code !== '23505') return undefined;
  if (e.constraint === 'console_users_phone') return 'phone';
  if (e.constraint === 'console_users_email' || e.constraint === 'accounts_main_email') return 'email';
  return undefined;
};

/** Console users and their single-use secrets (links and phone proofs). */
@Injectable()
export class ConsoleUsersRepository {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly tokens: TokensRepository,
  ) {}

  async byEmail(email: string): Promise<UserRow | undefined> {
    return (await this.ds.query(`${USER} WHERE lower(u.email) = lower($1)`, [email]))[0];
  }

  async byId(id: string): Promise<UserRow | undefined> {
    return (await this.ds.query(`${USER} WHERE u.id = $1`, [id]))[0];
  }

  async view(id: string): Promise<ConsoleUserView | undefined> {
    return (await this.ds.query(`${VIEW} WHERE u.id = $1`, [id]))[0];
  }

  async team(authId: string): Promise<ConsoleUserView[]> {
    return this.ds.query(`${VIEW} WHERE u.auth_id = $1 ORDER BY u.created_at, u.id`, [authId]);
  }

  /** True when an email is tied to any account or user, closed ones included. */
  async emailTaken(email: string): Promise<boolean> {
    const rows = await this.ds.query(
      `SELECT 1 FROM identity.console_users WHERE lower(email) = lower($1)
       UNION ALL SELECT 1 FROM identity.accounts WHERE parent_auth_id IS NULL AND lower(email) = lower($1) LIMIT 1`,
      [email],
    );
    return rows.length > 0;
  }

  async phoneTaken(phone: string): Promise<boolean> {
    return (await this.ds.query('SELECT 1 FROM identity.console_users WHERE phone = $1', [phone])).length > 0;
  }

  /** The account, its auth token, its owner and the owner's activation and phone secrets, in one transaction. */
  async createOwner(o: NewOwner, secrets: { digest: Buffer; purpose: SecretPurpose; ttlSeconds: number }[]): Promise<'created' | 'id-taken' | Taken> {
    try {
      return await this.ds.transaction(async (em) => {
        await em.query(`INSERT INTO identity.accounts (auth_id, name, email, data_region) VALUES ($1, $2, $3, $4)`, [
          o.auth_id,
          o.name,
          o.email,
          o.data_region,
        ]);
        await this.tokens.insert(em, o.auth_id, o.token);
        await em.query(`INSERT INTO identity.console_users (id, auth_id, email, name, phone, password_hash, role) VALUES ($1, $2, $3, $4, $5, $6, 'owner')`, [
          o.user_id,
          o.auth_id,
          o.email,
          o.name,
          o.phone,
          o.password_hash,
        ]);
        for (const s of secrets) await this.insertSecret(em, o.user_id, s.digest, s.purpose, s.ttlSeconds);
        return 'created' as const;
      });
    } catch (err) {
      const taken = takenBy(err);
      if (taken) return taken;
      if ((err as { code?: string }).code === '23505') return 'id-taken';
      throw err;
    }
  }

  async invite(authId: string, email: string, role: ConsoleRole, invitedBy: string, digest: Buffer, ttlSeconds: number): Promise<string | 'email'> {
    const id = randomUUID();
    try {
      await this.ds.transaction(async (em) => {
        await em.query(`INSERT INTO identity.console_users (id, auth_id, email, role, invited_by, email_verified_at) VALUES ($1, $2, $3, $4, $5, NULL)`, [
          id,
          authId,
          email,
          role,
          invitedBy,
        ]);
        await this.insertSecret(em, id, digest, 'invite', ttlSeconds);
      });
      return id;
    } catch (err) {
      if (takenBy(err) === 'email') return 'email';
      throw err;
    }
  }

  addSecret(userId: string, digest: Buffer, purpose: SecretPurpose, ttlSeconds: number): Promise<unknown> {
    return this.insertSecret(this.ds, userId, digest, purpose, ttlSeconds);
  }

  insertSecret(
    em: EntityManager | DataSource,
    userId: string,
    digest: Buffer,
    purpose: SecretPurpose,
    ttlSeconds: number,
    data: object = {},
  ): Promise<unknown> {
    return em.query(
      `INSERT INTO identity.console_secrets (digest, purpose, user_id, data, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [digest, purpose, userId, JSON.stringify(data), ttlSeconds],
    );
  }

  /** A live secret, without using it up (the phone proof is used up only by a right code). */
  async liveSecret(digest: Buffer, purpose: SecretPurpose): Promise<{ user_id: string; data: Record<string, string> } | undefined> {
    return (
      await this.ds.query(`SELECT user_id, data FROM identity.console_secrets WHERE digest = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()`, [
        digest,
        purpose,
      ])
    )[0];
  }

  async setSecretData(digest: Buffer, data: object): Promise<void> {
    await this.ds.query('UPDATE identity.console_secrets SET data = $2 WHERE digest = $1', [digest, JSON.stringify(data)]);
  }

  consumeOne(digest: Buffer, purpose: SecretPurpose): Promise<string | undefined> {
    return this.consume(this.ds, digest, purpose);
  }

  /** Uses a secret up; only one caller ever gets its user back. */
  async consume(em: EntityManager | DataSource, digest: Buffer, purpose: SecretPurpose): Promise<string | undefined> {
    const rows: { user_id: string }[] = await em.query(
      `WITH s AS (
         UPDATE identity.console_secrets SET used_at = now() WHERE digest = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now() RETURNING user_id
       ) SELECT user_id FROM s`,
      [digest, purpose],
    );
    return rows[0]?.user_id;
  }

  async markEmailVerified(userId: string): Promise<void> {
    await this.ds.query('UPDATE identity.console_users SET email_verified_at = COALESCE(email_verified_at, now()), updated_at = now() WHERE id = $1', [userId]);
  }

  /** Uses the phone proof up and marks the phone verified, together. */
  async phoneProven(digest: Buffer): Promise<string | undefined> {
    return this.ds.transaction(async (em) => {
      const userId = await this.consume(em, digest, 'phone');
      if (userId) await em.query('UPDATE identity.console_users SET phone_verified_at = now(), updated_at = now() WHERE id = $1', [userId]);
      return userId;
    });
  }

  /** An invited user accepts: their details, and their email is proven by the invitation link itself. */
  async acceptInvite(
    inviteDigest: Buffer,
    details: { name: string; phone: string; password_hash: string },
    phoneSecret: Buffer,
    ttl: number,
  ): Promise<string | undefined | Taken> {
    try {
      return await this.ds.transaction(async (em) => {
        const userId = await this.consume(em, inviteDigest, 'invite');
        if (!userId) return undefined;
        await em.query(
          'UPDATE identity.console_users SET name = $2, phone = $3, password_hash = $4, email_verified_at = now(), updated_at = now() WHERE id = $1',
          [userId, details.name, details.phone, details.password_hash],
        );
        await this.insertSecret(em, userId, phoneSecret, 'phone', ttl);
        return userId;
      });
    } catch (err) {
      const taken = takenBy(err);
      if (taken) return taken;
      throw err;
    }
  }

  /** A new password ends every session and login attempt (a reset) or every other session (a change). */
  async setPassword(userId: string, passwordHash: string, keepSessionId?: string, resetDigest?: Buffer): Promise<boolean> {
    return this.ds.transaction(async (em) => {
      if (resetDigest && !(await this.consume(em, resetDigest, 'reset'))) return false;
      await em.query('UPDATE identity.console_users SET password_hash = $2, updated_at = now() WHERE id = $1', [userId, passwordHash]);
      await em.query('DELETE FROM identity.console_sessions WHERE user_id = $1 AND id IS DISTINCT FROM $2', [userId, keepSessionId ?? null]);
      await em.query('DELETE FROM identity.console_logins WHERE user_id = $1', [userId]);
      await em.query(`DELETE FROM identity.console_secrets WHERE user_id = $1 AND purpose = 'reset' AND used_at IS NULL`, [userId]);
      return true;
    });
  }

  async resetUser(digest: Buffer): Promise<string | undefined> {
    return (await this.liveSecret(digest, 'reset'))?.user_id;
  }

  async setRole(authId: string, userId: string, role: ConsoleRole): Promise<'done' | 'owner' | 'none'> {
    const rows: { role: ConsoleRole }[] = await this.ds.query(
      `WITH t AS (SELECT id, role FROM identity.console_users WHERE id = $2 AND auth_id = $1),
       u AS (UPDATE identity.console_users SET role = $3, updated_at = now() WHERE id IN (SELECT id FROM t WHERE role <> 'owner') RETURNING id)
       SELECT role FROM t`,
      [authId, userId, role],
    );
    if (rows.length === 0) return 'none';
    return rows[0].role === 'owner' ? 'owner' : 'done';
  }

  async remove(authId: string, userId: string): Promise<'done' | 'owner' | 'none'> {
    const rows: { role: ConsoleRole }[] = await this.ds.query(
      `WITH t AS (SELECT id, role FROM identity.console_users WHERE id = $2 AND auth_id = $1),
       d AS (DELETE FROM identity.console_users WHERE id IN (SELECT id FROM t WHERE role <> 'owner') RETURNING id)
       SELECT role FROM t`,
      [authId, userId],
    );
    if (rows.length === 0) return 'none';
    return rows[0].role === 'owner' ? 'owner' : 'done';
  }

  async setPendingTotp(userId: string, sealed: Buffer): Promise<void> {
    await this.ds.query('UPDATE identity.console_users SET totp_sealed = $2, totp_enabled_at = NULL, totp_last_step = NULL, updated_at = now() WHERE id = $1', [
      userId,
      sealed,
    ]);
  }

  /** Records the TOTP step just used, only if no later one was: a code is accepted once. */
  async useTotpStep(userId: string, step: number, enable: boolean): Promise<boolean> {
    const rows = await this.ds.query(
      `WITH u AS (
         UPDATE identity.console_users SET totp_last_step = $2, totp_enabled_at = CASE WHEN $3 THEN now() ELSE totp_enabled_at END, updated_at = now()
         WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id
       ) SELECT id FROM u`,
      [userId, step, enable],
    );
    return rows.length === 1;
  }

  async replaceRecoveryCodes(userId: string, digests: Buffer[]): Promise<void> {
    await this.ds.transaction(async (em) => {
      await em.query('DELETE FROM identity.console_recovery_codes WHERE user_id = $1', [userId]);
      await em.query('INSERT INTO identity.console_recovery_codes (user_id, digest) SELECT $1, unnest($2::bytea[])', [userId, digests]);
    });
  }

  async hasRecoveryCodes(userId: string): Promise<boolean> {
    return (await this.ds.query('SELECT 1 FROM identity.console_recovery_codes WHERE user_id = $1 AND used_at IS NULL LIMIT 1', [userId])).length > 0;
  }

  async useRecoveryCode(userId: string, digest: Buffer): Promise<boolean> {
    const rows = await this.ds.query(
      `WITH c AS (UPDATE identity.console_recovery_codes SET used_at = now() WHERE user_id = $1 AND digest = $2 AND used_at IS NULL RETURNING 1) SELECT 1 FROM c`,
      [userId, digest],
    );
    return rows.length === 1;
  }
}
