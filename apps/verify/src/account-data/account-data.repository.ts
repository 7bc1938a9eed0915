import type { AccountDataStore, Owner } from '@signet/account-data';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What verify holds for an account: apps, senders, sessions (their attempts cascade), and dev outbox messages. */
@Injectable()
export class AccountDataRepository implements AccountDataStore {
  /**
   * Hands a deleted subaccount's data to its main account. Its default app stays default only if the main account
   * has none (one default per account).
   */
  async moveSubaccount(em: EntityManager, authId: string, mainAuthId: string): Promise<void> {
    await em.query(
      `UPDATE verify.apps SET account_id = $2, updated_at = now(),
         is_default = is_default AND NOT EXISTS (SELECT 1 FROM verify.apps d WHERE d.account_id = $2 AND d.is_default)
       WHERE account_id = $1`,
      [authId, mainAuthId],
    );
    await em.query(
      `WITH s AS (UPDATE verify.sessions SET account_id = $2 WHERE account_id = $1),
            d AS (UPDATE verify.senders SET account_id = $2, updated_at = now() WHERE account_id = $1)
       UPDATE verify.dev_outbox SET account_id = $2 WHERE account_id = $1`,
      [authId, mainAuthId],
    );
  }

  async deleteOwned(em: EntityManager, owner: Owner, id: string): Promise<void> {
    await em.query(
      `WITH s AS (DELETE FROM verify.sessions WHERE ${owner} = $1),
            a AS (DELETE FROM verify.apps WHERE ${owner} = $1),
            d AS (DELETE FROM verify.senders WHERE ${owner} = $1)
       DELETE FROM verify.dev_outbox WHERE ${owner} = $1`,
      [id],
    );
  }
}
