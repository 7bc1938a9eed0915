import { z } from 'zod';
import { microsString, moneyInput, optional } from '@signet/contracts/common';

export const PRICED_CHANNELS = ['sms', 'voice'] as const;
export type PricedChannel = (typeof PRICED_CHANNELS)[number];

export const countryIso = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
  z.string({ error: 'country_iso is required' }).regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code like US'),
);

/** One country of the price list. Rates per SMS, per call, per verified session; own-sender rates apply to attempts
 * carried by the customer's own sender. */
export const priceView = z.strictObject({
  country_iso: z.string(),
  country: z.string(),
  country_code: z.number(),
  sms_micros: microsString,
  voice_micros: microsString,
  validation_micros: microsString,
  sms_own_sender_micros: microsString,
  voice_own_sender_micros: microsString,
  updated_at: z.string(),
});
export type PriceView = z.infer<typeof priceView>;

export const pricingGetRequest = z.object({ country_iso: countryIso });
export type PricingGetRequest = z.infer<typeof pricingGetRequest>;

/** The operators' update: any rate given replaces the country's (a country not listed yet needs its name and code). */
export const pricingSetBody = z.object({
  country: optional(z.string().trim().min(1).max(80)),
  country_code: optional(z.coerce.number().int().min(1).max(9999)),
  sms_rate: optional(moneyInput('100')),
  voice_rate: optional(moneyInput('100')),
  validation_rate: optional(moneyInput('100')),
  sms_own_sender_rate: optional(moneyInput('100')),
  voice_own_sender_rate: optional(moneyInput('100')),
});
/** Over NATS, rates are micro-units already. */
export const pricingSetMessage = z.object({
  country: z.string().min(1).max(80).optional(),
  country_code: z.number().int().min(1).max(9999).optional(),
  sms_rate: microsString.optional(),
  voice_rate: microsString.optional(),
  validation_rate: microsString.optional(),
  sms_own_sender_rate: microsString.optional(),
  voice_own_sender_rate: microsString.optional(),
});
export const pricingSetRequest = z.object({ country_iso: countryIso, body: pricingSetMessage });
export type PricingSetRequest = z.infer<typeof pricingSetRequest>;

export const priceListRequest = z.object({});
export const priceListResult = z.strictObject({ prices: z.array(priceView) });
export type PriceListResult = z.infer<typeof priceListResult>;
