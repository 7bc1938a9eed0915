import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { BillingSubjects, type ClosureView, creditBody, type LedgerEntryView, type PriceView, pricingSetBody } from '@signet/contracts/billing';
import { countryIso } from '@signet/contracts/billing';
import { formatMoney } from '@signet/contracts/common';
import { IdentitySubjects } from '@signet/contracts/identity';
import { parseOrThrow } from '@signet/errors';
import { RpcClient } from '@signet/nats';
import { AdminAuthGuard } from '../auth/admin-auth.guard.js';
import { ApiId } from '../auth/caller.decorator.js';
import { renderPricing } from './pricing-view.js';

/** Operators: credit an account, read a closed account's refund, update the price list. */
@Controller('admin/v1')
@UseGuards(AdminAuthGuard)
export class AdminBillingController {
  constructor(private readonly rpc: RpcClient) {}

  /** `{amount, reference}`: the same reference again answers the same credit (201 both times). */
  @Post('Account/:authId/Credit')
  @HttpCode(201)
  async credit(@ApiId() apiId: string, @Param('authId') authId: string, @Body() body: unknown) {
    const parsed = parseOrThrow(creditBody, body ?? {});
    await this.rpc.call(IdentitySubjects.adminAccountGet, { auth_id: authId }, apiId); // 404 for an unknown main account
    const entry = await this.rpc.call(BillingSubjects.creditAdd, { auth_id: authId, body: parsed }, apiId);
    return {
      api_id: apiId,
      message: 'credited',
      entry_uuid: entry.entry_uuid,
      auth_id: authId,
      amount: formatMoney(entry.amount_micros),
      cash_credits_after: formatMoney(entry.balance_after_micros),
      reference: entry.reference,
      created_at: entry.created_at,
    };
  }

  @Get('Account/:authId/Refund')
  async refund(@ApiId() apiId: string, @Param('authId') authId: string) {
    const c = await this.rpc.call(BillingSubjects.closureGet, { auth_id: authId }, apiId);
    return {
      api_id: apiId,
      auth_id: c.auth_id,
      closed_at: c.closed_at,
      trial: c.trial,
      cash_credits: formatMoney(c.balance_micros),
      refundable: formatMoney(c.refundable_micros),
    };
  }

  @Post('Pricing/:countryIso')
  @HttpCode(202)
  async setPrice(@ApiId() apiId: string, @Param('countryIso') iso: string, @Body() body: unknown) {
    const request = { country_iso: parseOrThrow(countryIso, iso), body: parseOrThrow(pricingSetBody, body ?? {}) };
    return { api_id: apiId, ...renderPricing(await this.rpc.call(BillingSubjects.pricingSet, request, apiId)) };
  }
}
