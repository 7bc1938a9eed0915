import { Body, Controller, Get, Post, Query, UseGuards } from '@nestjs/common';
import { alertHistoryRequest, type AlertHistoryResult, alertSettingsBody, type AlertSettingsView, BillingSubjects } from '@signet/contracts/billing';
import { type Caller, formatMoney } from '@signet/contracts/common';
import { parseOrThrow } from '@signet/errors';
import { RpcClient } from '@signet/nats';
import { BasicAuthGuard } from '../auth/basic-auth.guard.js';
import { ApiId, CurrentCaller } from '../auth/caller.decorator.js';
import { assertCallableUrl } from '../http/public-url.js';

const dollars = (micros: string) => formatMoney(micros, 2);

const render = (s: AlertSettingsView) => ({
  automatic: s.automatic_micros.map(dollars),
  thresholds: s.thresholds_micros.map(dollars),
  emails: s.emails,
  webhook_url: s.webhook_url,
});

/** Balance alerts: automatic at $250/$100/$10, up to 3 custom thresholds and 5 extra addresses; the history. */
@Controller('v1/Account/:authId/BalanceAlert')
@UseGuards(BasicAuthGuard)
export class BalanceAlertsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  async get(@ApiId() apiId: string, @CurrentCaller() caller: Caller) {
    return { api_id: apiId, ...render(await this.rpc.call(BillingSubjects.alertsGet, { caller }, apiId)) };
  }

  @Post()
  async set(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Body() body: unknown) {
    const parsed = parseOrThrow(alertSettingsBody, body ?? {});
    await assertCallableUrl('webhook_url', parsed.webhook_url ?? undefined);
    return { api_id: apiId, ...render(await this.rpc.call(BillingSubjects.alertsSet, { caller, body: parsed }, apiId)) };
  }

  @Get('History')
  async history(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Query() raw: Record<string, unknown>) {
    const request = parseOrThrow(alertHistoryRequest, { caller, query: raw });
    const result = await this.rpc.call(BillingSubjects.alertsHistory, request, apiId);
    return {
      api_id: apiId,
      meta: { limit: result.limit, offset: result.offset, total_count: result.total_count },
      objects: result.alerts.map(({ threshold_micros, balance_micros, ...a }) => ({
        ...a,
        threshold: dollars(threshold_micros),
        balance: formatMoney(balance_micros),
      })),
    };
  }
}
