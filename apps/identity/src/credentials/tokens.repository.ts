import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface SealedToken {
  sealed: Buffer;
  digest: Buffer;
}

/** Auth tokens: at most one active (no expiry) per account, plus at most one old one in its grace period. */
@Injectable()
export class TokensRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  insert(em: EntityManager, authId: string, token: SealedToken): Promise<unknown> {
    return em.query('INSERT INTO identity.auth_tokens (id, auth_id, token_sealed, token_digest) VALUES ($1, $2, $3, $4)', [
      randomUUID(),
      authId,
      token.sealed,
      token.digest,
    ]);
  }

  /**
   * Makes `token` the active one. The previous active token expires after `graceSeconds` (0: at once); one still in
   * an earlier grace period ends now, so no more than two ever work. Undefined for a closed or unknown account;
   * otherwise when the previous token stops working (null: it already has).
   */
  async rotate(authId: string, token: SealedToken, graceSeconds: number): Promise<{ old_expires_at: Date | null } | undefined> {
    return this.ds.transaction(async (em) => {
      // The row lock serializes concurrent rotations of one account.
      const [account] = await em.query(`SELECT auth_id FROM identity.accounts WHERE auth_id = $1 AND status <> 'closed' FOR UPDATE`, [authId]);
      if (!account) return undefined;
      await em.query('DELETE FROM identity.auth_tokens WHERE auth_id = $1 AND (expires_at IS NOT NULL OR $2 = 0)', [authId, graceSeconds]);
      const kept: { expires_at: Date }[] = await em.query(
        `WITH t AS (
           UPDATE identity.auth_tokens SET expires_at = now() + make_interval(secs => $2) WHERE auth_id = $1 AND expires_at IS NULL RETURNING expires_at
         ) SELECT expires_at FROM t`,
        [authId, graceSeconds],
      );
      await this.insert(em, authId, token);
      return { old_expires_at: kept[0]?.expires_at ?? null };
    });
  }

  /** The active token, sealed, for showing it to its owner (Plivo returns it on subaccount GET). */
  async activeSealed(authId: string): Promise<Buffer | undefined> {
    const rows: { token_sealed: Buffer }[] = await this.ds.query('SELECT token_sealed FROM identity.auth_tokens WHERE auth_id = $1 AND expires_at IS NULL', [
      authId,
    ]);
    return rows[0]?.token_sealed;
  }
}
