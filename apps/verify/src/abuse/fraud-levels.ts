/**
 * Fraud Shield's thresholds per `fs_protection_level`, per main account and number range (see `numberRange`).
 * (a) burst: at most `burst` sends to the range in `burstWindowS`; the next one trips the block.
 * (b) conversion: once the range has `minSends` settled sends (older than `SETTLE_S`, so a user still typing the
 *     code does not count against it) in `CONVERSION_WINDOW_S`, fewer than `minVerifiedRatio` of them verified trips it.
 * A tripped range answers 452 to every attempt for `cooldownS`; then it starts afresh. Documented in the README.
 */
export interface FraudLevel {
  burst: number;
  burstWindowS: number;
  minSends: number;
  minVerifiedRatio: number;
  cooldownS: number;
}

export const FRAUD_LEVELS = {
  high: { burst: 10, burstWindowS: 600, minSends: 10, minVerifiedRatio: 0.2, cooldownS: 3600 },
  medium: { burst: 20, burstWindowS: 600, minSends: 20, minVerifiedRatio: 0.1, cooldownS: 1800 },
  low: { burst: 40, burstWindowS: 600, minSends: 40, minVerifiedRatio: 0.05, cooldownS: 900 },
} as const satisfies Record<string, FraudLevel>;
export type FraudLevelName = keyof typeof FRAUD_LEVELS;

export const CONVERSION_WINDOW_S = 3600;
export const SETTLE_S = 60;

/** A number range: the E.164 digits less the last four (a block of 10 000 numbers, e.g. 1415555 for +1 415 555 xxxx). */
export const numberRange = (digits: string): string => digits.slice(0, Math.max(digits.length - 4, 1));

export const levelOf = (name: string): FraudLevel => FRAUD_LEVELS[name as FraudLevelName] ?? FRAUD_LEVELS.medium;

/** `fraud_check: "skip"` or `false` lets a trusted user's attempt past Fraud Shield. */
export const skipsFraudCheck = (v: string | boolean | undefined): boolean =>
  v === false || (typeof v === 'string' && ['skip', 'false'].includes(v.toLowerCase()));
