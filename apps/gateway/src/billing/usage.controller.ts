import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { BillingSubjects, usageQuery, type UsageResult } from '@signet/contracts/billing';
import { type Caller, formatMoney } from '@signet/contracts/common';
import { parseOrThrow } from '@signet/errors';
import { RpcClient } from '@signet/nats';
import { BasicAuthGuard } from '../auth/basic-auth.guard.js';
import { ApiId, CurrentCaller } from '../auth/caller.decorator.js';

const sumBy = (lines: UsageResult['lines'], key: (l: UsageResult['lines'][number]) => string) => {
  const totals = new Map<string, { count: number; micros: bigint }>();
  for (const l of lines) {
    const t = totals.get(key(l)) ?? { count: 0, micros: 0n };
    totals.set(key(l), { count: t.count + l.count, micros: t.micros + BigInt(l.amount_micros) });
  }
  return Object.fromEntries([...totals].map(([k, t]) => [k, { count: t.count, amount: formatMoney(t.micros) }]));
};

/**
 * Spending between two UTC days (both included): per day, per (sub)account and per channel, with totals by channel
 * and by account; every figure comes from the ledger and the lines add up to `total_amount` exactly.
 */
@Controller('v1/Account/:authId/Usage')
@UseGuards(BasicAuthGuard)
export class UsageController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  async get(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Query() raw: Record<string, unknown>) {
    const query = parseOrThrow(usageQuery, raw);
    const usage = await this.rpc.call(BillingSubjects.usageGet, { caller, query }, apiId);
    return {
      api_id: apiId,
      account_id: caller.auth_id,
      start_date: usage.start_date,
      end_date: usage.end_date,
      total_amount: formatMoney(usage.total_micros),
      by_channel: sumBy(usage.lines, (l) => l.channel),
      by_account: sumBy(usage.lines, (l) => l.account_id),
      objects: usage.lines.map(({ amount_micros, ...l }) => ({ ...l, amount: formatMoney(amount_micros) })),
    };
  }
}
