import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import { BillingSubjects, type PriceListResult, type PriceView, pricingGetRequest } from '@signet/contracts/billing';
import { CommonErrors } from '@signet/contracts/common';
import { DomainError, parseOrThrow } from '@signet/errors';
import { RpcClient } from '@signet/nats';
import type { FastifyReply } from 'fastify';
import { BasicAuthGuard } from '../auth/basic-auth.guard.js';
import { ApiId } from '../auth/caller.decorator.js';
import { withApiId } from '../http/api-request.js';
import { pricingCsv, renderPricing } from './pricing-view.js';

/** `?country_iso=US` → one country in Plivo's shape; `?format=csv` → the whole price list as a CSV download. */
@Controller('v1/Account/:authId/Pricing')
@UseGuards(BasicAuthGuard)
export class PricingController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  async get(@ApiId() apiId: string, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    if (query.format === 'csv' && query.country_iso === undefined) {
      const { prices } = await this.rpc.call(BillingSubjects.pricingList, {}, apiId);
      void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="signet-pricing.csv"');
      return pricingCsv(prices);
    }
    if (query.format !== undefined && query.format !== 'csv' && query.format !== 'json') {
      throw new DomainError(CommonErrors.VALIDATION_FAILED, 'format: must be csv or json');
    }
    const request = parseOrThrow(pricingGetRequest, { country_iso: query.country_iso });
    return withApiId(apiId, renderPricing(await this.rpc.call(BillingSubjects.pricingGet, request, apiId)));
  }
}
