import { formatMoney } from '@signet/contracts/common';
import type { PriceView } from '@signet/contracts/billing';

const rate = (micros: string) => ({ rate: formatMoney(micros) });
const ZERO = rate('0');

/**
 * Plivo's Pricing resource (the official SDKs' `pricings.get` parses it). Signet sells Verify, so message and voice
 * carry the outbound OTP rates (per SMS, per call); inbound traffic and phone numbers are not sold (0). `verify`
 * adds what Plivo's shape has no place for: the validation charge and the own-sender rates.
 */
export function renderPricing(p: PriceView) {
  return {
    country: p.country,
    country_code: p.country_code,
    country_iso: p.country_iso,
    message: { inbound: ZERO, outbound: rate(p.sms_micros), outbound_networks_list: [] as { group_name: string; rate: string }[] },
    voice: {
      inbound: { ip: ZERO, local: ZERO, tollfree: ZERO },
      outbound: {
        ip: ZERO,
        local: rate(p.voice_micros),
        tollfree: rate(p.voice_micros),
        rates: [{ prefix: [String(p.country_code)], rate: formatMoney(p.voice_micros) }],
      },
    },
    phone_numbers: { local: ZERO, tollfree: ZERO },
    verify: {
      validation: rate(p.validation_micros),
      own_sender: { sms: rate(p.sms_own_sender_micros), voice: rate(p.voice_own_sender_micros) },
    },
  };
}

const CSV_HEADER = 'country_iso,country,country_code,sms_rate,voice_rate,validation_rate,sms_own_sender_rate,voice_own_sender_rate';
const csvField = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The whole list, in the same columns as the repository's prices.csv. */
export function pricingCsv(prices: PriceView[]): string {
  const lines = prices.map((p) =>
    [
      p.country_iso,
      csvField(p.country),
      String(p.country_code),
      ...[p.sms_micros, p.voice_micros, p.validation_micros, p.sms_own_sender_micros, p.voice_own_sender_micros].map((m) => formatMoney(m)),
    ].join(','),
  );
  return `${CSV_HEADER}\n${lines.join('\n')}\n`;
}
