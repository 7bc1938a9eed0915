// Writes apps/billing-alerts/src/pricing/prices.csv: one row per country libphonenumber-js knows, with a realistic
// Verify rate per SMS and per voice call (USD). Known markets carry rates in line with public CPaaS list prices in
// 2026; every other country takes its region's typical rate. Own-sender rates (attempts carried by the customer's
// own sender) are 0 by default, the validation charge $0.00300 per verified session.
// Run: node tools/generate-prices.mjs   (then review the diff; the billing seed adds new countries at migrate time)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getCountries, getCountryCallingCode } from 'libphonenumber-js';

const out = fileURLToPath(new URL('../apps/billing-alerts/src/pricing/prices.csv', import.meta.url));

// [sms, voice] for markets with well-known rates.
const known = {
  US: ['0.00650', '0.01300'],
  CA: ['0.00650', '0.01300'],
  IN: ['0.08000', '0.03300'],
  GB: ['0.04500', '0.02200'],
  DE: ['0.09200', '0.02700'],
  FR: ['0.08700', '0.02500'],
  ES: ['0.08400', '0.02600'],
  IT: ['0.08900', '0.02800'],
  NL: ['0.10500', '0.02900'],
  BR: ['0.03500', '0.04500'],
  MX: ['0.03900', '0.03900'],
  AU: ['0.05200', '0.03100'],
  JP: ['0.07900', '0.05500'],
  CN: ['0.04200', '0.04800'],
  SG: ['0.04100', '0.02400'],
  AE: ['0.05400', '0.09500'],
  SA: ['0.04600', '0.08800'],
  ZA: ['0.02900', '0.05200'],
  NG: ['0.09700', '0.11000'],
  ID: ['0.36000', '0.09500'],
  PH: ['0.19500', '0.12000'],
  PK: ['0.22000', '0.09000'],
  BD: ['0.25000', '0.06500'],
  RU: ['0.47000', '0.11500'],
  TR: ['0.02400', '0.06800'],
  EG: ['0.18500', '0.14000'],
  KE: ['0.09800', '0.08500'],
  AR: ['0.06800', '0.05600'],
  CO: ['0.03100', '0.04100'],
  CL: ['0.05200', '0.04400'],
  KR: ['0.02600', '0.04200'],
  VN: ['0.07900', '0.09500'],
};

// Typical rates by the first digit of the calling code (ITU world zones).
const zone = {
  1: ['0.02500', '0.05500'], // NANP islands
  2: ['0.09500', '0.12500'], // Africa
  3: ['0.08500', '0.04500'], // Europe
  4: ['0.08500', '0.04500'], // Europe
  5: ['0.06500', '0.08500'], // Latin America
  6: ['0.07500', '0.09000'], // Oceania, South-East Asia
  7: ['0.30000', '0.11500'], // Russia, Kazakhstan
  8: ['0.07000', '0.09000'], // East Asia
  9: ['0.12000', '0.11000'], // West and South Asia
};

const names = new Intl.DisplayNames(['en'], { type: 'region' });
const rows = getCountries()
  .map((iso) => {
    const code = getCountryCallingCode(iso);
    const [sms, voice] = known[iso] ?? zone[code[0]];
    const name = names.of(iso) ?? iso;
    return [iso, name.includes(',') ? `"${name}"` : name, code, sms, voice, '0.00300', '0.00000', '0.00000'];
  })
  .sort((a, b) => a[0].localeCompare(b[0]));

const header = 'country_iso,country,country_code,sms_rate,voice_rate,validation_rate,sms_own_sender_rate,voice_own_sender_rate';
writeFileSync(out, `${header}\n${rows.map((r) => r.join(',')).join('\n')}\n`);
console.log(`${rows.length} countries → ${out}`);
