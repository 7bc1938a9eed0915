import type { AccountDataStore, Owner } from '@signet/account-data';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What sip-auth holds for an account: credentials, IP ACLs (their entries cascade) and applications. */
@Injectable()
export class AccountDataRepository implements AccountDataStore {
  /**
   * Hands a deleted subaccount's data to its main account. Applications bind only their own account's credential
   * and ACL, so moving all three together keeps every binding within one account.
   */
  async moveSubaccount(em: EntityManager, authId: string, mainAuthId: string): Promise<void> {
    await em.query(
      `WITH a AS (UPDATE sipauth.applications SET account_id = $2, updated_at = now() WHERE account_id = $1),
            c AS (UPDATE sipauth.credentials SET account_id = $2, updated_at = now() WHERE account_id = $1)
       UPDATE sipauth.ip_acls SET account_id = $2, updated_at = now() WHERE account_id = $1`,
      [authId, mainAuthId],
    );
  }

  /**
   * Applications go first, in their own statement: their foreign keys refuse to let a bound credential or ACL go.
   * They bind only their own account's, so the owner's applications are all that can hold its credentials and ACLs.
   */
  async deleteOwned(em: EntityManager, owner: Owner, id: string): Promise<void> {
    await em.query(`DELETE FROM sipauth.applications WHERE ${owner} = $1`, [id]);
    await em.query(
      `WITH c AS (DELETE FROM sipauth.credentials WHERE ${owner} = $1)
       DELETE FROM sipauth.ip_acls WHERE ${owner} = $1`,
      [id],
    );
  }
}
