import { z } from 'zod';
import { callerSchema, microsString, moneyInput, optional } from '@signet/contracts/common';
import { countryIso, PRICED_CHANNELS } from './pricing.messages.js';

export const LEDGER_KINDS = ['recharge', 'charge', 'refund', 'adjustment'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** Charge one delivery attempt at its destination's price; the attempt uuid makes a retried request a no-op. */
export const chargeAttemptRequest = z.object({
  caller: callerSchema,
  attempt_uuid: z.uuid(),
  country_iso: countryIso,
  channel: z.enum(PRICED_CHANNELS),
});
export type ChargeAttemptRequest = z.infer<typeof chargeAttemptRequest>;

export const chargeResult = z.strictObject({ charge_micros: microsString, balance_micros: microsString });
export type ChargeResult = z.infer<typeof chargeResult>;
export const releasedReply = z.strictObject({ released: z.boolean() });

export const chargeReleaseRequest = z.object({ attempt_uuid: z.uuid(), reason: z.string().max(200) });
export type ChargeReleaseRequest = z.infer<typeof chargeReleaseRequest>;

export const chargeValidationRequest = z.object({ caller: callerSchema, session_uuid: z.uuid(), country_iso: countryIso });
export type ChargeValidationRequest = z.infer<typeof chargeValidationRequest>;

/** What the ledger holds for these attempts and sessions (a session view's `charges`). */
export const sessionChargesRequest = z.object({ attempt_uuids: z.array(z.uuid()).max(2000), session_uuids: z.array(z.uuid()).max(200) });
export type SessionChargesRequest = z.infer<typeof sessionChargesRequest>;

/** Net micro-units per attempt uuid (charge less refunds and adjustments) and the validation charge per session uuid;
 * an id with no entry is absent (nothing charged). */
export const sessionChargesResult = z.strictObject({ attempts: z.record(z.string(), microsString), validations: z.record(z.string(), microsString) });
export type SessionChargesResult = z.infer<typeof sessionChargesResult>;

export const balanceGetRequest = z.object({ auth_ids: z.array(z.string().max(64)).min(1).max(100) });
export type BalanceGetRequest = z.infer<typeof balanceGetRequest>;
/** Micro-units per main account auth_id (0 for an account billing has never credited). */
export const balancesResult = z.record(z.string(), microsString);
export type BalancesResult = z.infer<typeof balancesResult>;

/** POST /admin/v1/Account/{auth_id}/Credit/: `reference` names the payment; the same reference twice is one credit. */
export const creditBody = z.object({
  amount: moneyInput('1000000').refine((v) => BigInt(v) > 0n, 'must be more than 0'),
  reference: z.string({ error: 'reference is required' }).trim().min(1, 'reference is required').max(120),
  /** Trial credit is never refunded when the account closes. */
  trial: optional(z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean())).default(false),
});
/** The same over NATS: the gateway has already turned the decimal amount into micro-units. */
export const creditMessage = z.object({ amount: microsString, reference: z.string().min(1).max(120), trial: z.boolean().default(false) });
export const creditAddRequest = z.object({ auth_id: z.string().max(64), body: creditMessage });
export type CreditAddRequest = z.infer<typeof creditAddRequest>;

export const ledgerEntryView = z.strictObject({
  entry_uuid: z.string(),
  auth_id: z.string(),
  account_id: z.string(),
  kind: z.enum(LEDGER_KINDS),
  amount_micros: microsString,
  balance_after_micros: microsString,
  reference: z.string().nullable(),
  created_at: z.string(),
});
export type LedgerEntryView = z.infer<typeof ledgerEntryView>;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'is not a real date');

/** Usage between two UTC days, both included (at most 366 days). */
export const usageQuery = z
  .object({ start_date: day, end_date: day })
  .refine((q) => q.start_date <= q.end_date, { message: 'must not be before start_date', path: ['end_date'] })
  .refine((q) => Date.parse(q.end_date) - Date.parse(q.start_date) <= 366 * 86_400_000, { message: 'the range is at most 366 days', path: ['end_date'] });
export const usageRequest = z.object({ caller: callerSchema, query: usageQuery });
export type UsageRequest = z.infer<typeof usageRequest>;

export const usageLine = z.strictObject({ date: z.string(), account_id: z.string(), channel: z.string(), count: z.number(), amount_micros: microsString });
export type UsageLine = z.infer<typeof usageLine>;
export const usageResult = z.strictObject({ start_date: z.string(), end_date: z.string(), total_micros: microsString, lines: z.array(usageLine) });
export type UsageResult = z.infer<typeof usageResult>;

export const closureRequest = z.object({ auth_id: z.string().max(64) });
export const closureView = z.strictObject({
  auth_id: z.string(),
  closed_at: z.string(),
  balance_micros: microsString,
  refundable_micros: microsString,
  trial: z.boolean(),
});
export type ClosureView = z.infer<typeof closureView>;
