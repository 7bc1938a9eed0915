import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BillingErrors, BillingSubjects, type PriceListResult, type PriceView, pricingGetRequest, pricingSetRequest } from '@signet/contracts/billing';
import { DomainError, parseOrThrow } from '@signet/errors';
import { PricingRepository } from './pricing.repository.js';

const unknownCountry = (iso: string) => new DomainError(BillingErrors.PRICE_NOT_FOUND, `no pricing for country_iso ${iso}`);

@Controller()
export class PricingRpcController {
  constructor(private readonly prices: PricingRepository) {}

  @MessagePattern(BillingSubjects.pricingGet)
  async get(@Payload() data: unknown): Promise<PriceView> {
    const { country_iso } = parseOrThrow(pricingGetRequest, data);
    return (await this.prices.get(country_iso)) ?? Promise.reject(unknownCountry(country_iso));
  }

  @MessagePattern(BillingSubjects.pricingList)
  async list(): Promise<PriceListResult> {
    return { prices: await this.prices.list() };
  }

  @MessagePattern(BillingSubjects.pricingSet)
  async set(@Payload() data: unknown): Promise<PriceView> {
    const request = parseOrThrow(pricingSetRequest, data);
    const view = await this.prices.set(request);
    if (!view)
      throw new DomainError(
        BillingErrors.PRICE_NOT_FOUND,
        `country ${request.country_iso} is not listed: give country, country_code, sms_rate and voice_rate to add it`,
      );
    return view;
  }
}
