import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@signet/contracts/common';
import type { UsageLine } from '@signet/contracts/billing';
import { DataSource } from 'typeorm';

/**
 * Spending (charges, refunds, adjustments; recharges are not usage) per UTC day, (sub)account and channel, straight
 * from the ledger, so the lines add up to it exactly. A main account sees itself and its subaccounts; a subaccount
 * only itself. `count` is the number of charges; amounts are net (refunds reduce them).
 */
@Injectable()
export class UsageRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  lines(caller: Caller, startDate: string, endDate: string): Promise<UsageLine[]> {
    return this.ds.query(
      `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date, account_id, channel,
         (count(*) FILTER (WHERE kind = 'charge'))::int AS count, (-sum(amount_micros))::text AS amount_micros
       FROM billing.ledger
       WHERE auth_id = $1 AND ($2::text IS NULL OR account_id = $2) AND kind IN ('charge', 'refund', 'adjustment')
         AND created_at >= ($3::date)::timestamp AT TIME ZONE 'UTC' AND created_at < ($4::date + 1)::timestamp AT TIME ZONE 'UTC'
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [caller.main_auth_id, caller.is_subaccount ? caller.auth_id : null, startDate, endDate],
    );
  }
}
