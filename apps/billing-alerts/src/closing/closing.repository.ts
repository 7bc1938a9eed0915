import { Injectable } from '@nestjs/common';
import type { ClosureView } from '@signet/contracts/billing';
import type { DataSource, EntityManager } from 'typeorm';

const REFUND_WINDOW = "interval '90 days'";

/**
 * A closed account: no more charges (the account row is marked in the same statement, under its lock, so a charge
 * racing the close either lands before it or is refused), and the refundable credit recorded — what is left of the
 * balance, up to the paid recharges of the last 90 days; nothing for a trial account (one that never paid).
 */
@Injectable()
export class ClosingRepository {
  async close(em: EntityManager, authId: string, closedAt: string): Promise<void> {
    await em.query(
      `WITH a AS (
         INSERT INTO billing.accounts (auth_id, closed_at) VALUES ($1, $2::timestamptz)
         ON CONFLICT (auth_id) DO UPDATE SET closed_at = COALESCE(billing.accounts.closed_at, EXCLUDED.closed_at), updated_at = now()
         RETURNING balance_micros, closed_at
       ), r AS (
         SELECT COALESCE(sum(amount_micros) FILTER (WHERE created_at > $2::timestamptz - ${REFUND_WINDOW}), 0) AS recent, count(*) AS paid
         FROM billing.ledger WHERE auth_id = $1 AND kind = 'recharge' AND NOT trial
       )
       INSERT INTO billing.closures (auth_id, closed_at, balance_micros, refundable_micros, trial)
       SELECT $1, a.closed_at, a.balance_micros, CASE WHEN r.paid = 0 THEN 0 ELSE LEAST(a.balance_micros, r.recent) END, r.paid = 0
       FROM a, r ON CONFLICT (auth_id) DO NOTHING`,
      [authId, closedAt],
    );
  }

  async find(ds: DataSource, authId: string): Promise<ClosureView | undefined> {
    const rows = await ds.query(
      `SELECT auth_id, to_char(closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS closed_at, balance_micros::text,
         refundable_micros::text, trial FROM billing.closures WHERE auth_id = $1`,
      [authId],
    );
    return rows[0];
  }
}
