import { z } from 'zod';

/**
 * Money is integer micro-units (1 USD = 1,000,000) everywhere below the gateway: bigint in code, `bigint` columns in
 * Postgres, decimal-integer strings in messages (JSON has no bigint). Plivo shows five decimals ("0.08000"), so
 * every amount Signet accepts has at most five decimals (a multiple of 10 micro-units) and renders exactly.
 */
export const MICROS_PER_UNIT = 1_000_000n;

/** A micro-unit amount on the wire: "-80000", "80000". */
export const microsString = z.string().regex(/^-?\d{1,19}$/, 'must be an integer number of micro-units');
export type MicrosString = z.infer<typeof microsString>;

const DECIMAL = /^(-)?(\d{1,12})(?:\.(\d{1,6}))?$/;

/** "0.08" → 80000n. Throws on anything that is not a plain decimal with at most six places. */
export function parseMoney(value: string): bigint {
  const m = DECIMAL.exec(value.trim());
  if (!m) throw new Error(`not a decimal amount: ${value}`);
  const micros = BigInt(m[2]) * MICROS_PER_UNIT + BigInt((m[3] ?? '').padEnd(6, '0'));
  return m[1] ? -micros : micros;
}

/** 80000n → "0.08000" (Plivo's five places); `places` 2 gives "250.00". Rounds half away from zero below the places. */
export function formatMoney(micros: bigint | string, places = 5): string {
  let v = typeof micros === 'string' ? BigInt(micros) : micros;
  const negative = v < 0n;
  if (negative) v = -v;
  const step = 10n ** BigInt(6 - places);
  const rounded = (v + step / 2n) / step;
  const scale = 10n ** BigInt(places);
  const whole = rounded / scale;
  const frac = places > 0 ? `.${(rounded % scale).toString().padStart(places, '0')}` : '';
  return `${negative && rounded !== 0n ? '-' : ''}${whole}${frac}`;
}

/** A money amount from an API body: a decimal string or a JSON number, at most five decimals, as micro-units. */
export const moneyInput = (max = '10000000000') =>
  z.preprocess(
    (v) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : v),
    z
      .string({ error: 'must be a decimal amount' })
      .regex(/^\d{1,11}(\.\d{1,5})?$/, 'must be a decimal amount with at most 5 decimals')
      .transform((v) => parseMoney(v))
      .refine((v) => v <= parseMoney(max), `must be at most ${max}`)
      .transform((v) => v.toString()),
  );
