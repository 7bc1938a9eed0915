import { randomInt, randomUUID } from 'node:crypto';
import { Keyring, sealToken, tokenDigest } from '@signet/secrets';
import pg from 'pg';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const pick = (a: string, n: number) => Array.from({ length: n }, () => a[randomInt(a.length)]).join('');

export interface TestAccount {
  authId: string;
  token: string;
}

/**
 * A fresh main account written straight into identity's tables, sealed and digested as identity does, for suites that need more than the bootstrap account.
 * `credits` (micro-units, default $1,000) are recorded as a recharge in billing-alerts' ledger so the account can send.
 */
export async function createTestAccount(databaseUrl: string, secretHex: string, credits = 1_000_000_000n): Promise<TestAccount> {
  const ring = new Keyring(secretHex);
  const authId = `MA${pick(UPPER, 18)}`;
  const token = pick(ALNUM, 40);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`INSERT INTO identity.accounts (auth_id, name) VALUES ($1, 'Test account')`, [authId]);
    await client.query('INSERT INTO identity.auth_tokens (id, auth_id, token_sealed, token_digest) VALUES ($1, $2, $3, $4)', [
      randomUUID(),
      authId,
      sealToken(ring, token),
      tokenDigest(ring, authId, token),
    ]);
    if (credits > 0n) {
      await client.query(
        `WITH a AS (INSERT INTO billing.accounts (auth_id, balance_micros) VALUES ($1, $2::bigint) RETURNING auth_id)
         INSERT INTO billing.ledger (auth_id, account_id, kind, amount_micros, balance_after_micros, reference) SELECT auth_id, auth_id, 'recharge', $2::bigint, $2::bigint, 'test credit' FROM a`,
        [authId, credits.toString()],
      );
    }
  } finally {
    await client.end();
  }
  return { authId, token };
}
