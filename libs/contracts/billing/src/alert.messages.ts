import { z } from 'zod';
import { callerSchema, listResult, microsString, moneyInput, optional } from '@signet/contracts/common';

/** The automatic thresholds every account has: $250, $100, $10. */
export const AUTOMATIC_THRESHOLDS_MICROS = [250_000_000n, 100_000_000n, 10_000_000n] as const;

/** POST …/BalanceAlert/: each key optional; a given key replaces its list. */
export const alertSettingsBody = z.object({
  thresholds: optional(z.array(moneyInput('1000000'), { error: 'must be a list of decimal amounts' }).max(3, 'at most 3 custom thresholds')),
  emails: optional(z.array(z.email({ error: 'must be email addresses' }).max(254)).max(5, 'at most 5 extra addresses')),
  webhook_url: optional(
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .max(2048)
      .nullable(),
  ),
});
/** Over NATS, thresholds are micro-units already. */
export const alertSettingsMessage = z.object({
  thresholds: z.array(microsString).max(3).optional(),
  emails: z.array(z.email().max(254)).max(5).optional(),
  webhook_url: z.string().max(2048).nullable().optional(),
});
export const alertSettingsSetRequest = z.object({ caller: callerSchema, body: alertSettingsMessage });
export type AlertSettingsSetRequest = z.infer<typeof alertSettingsSetRequest>;
export const alertSettingsGetRequest = z.object({ caller: callerSchema });
export type AlertSettingsGetRequest = z.infer<typeof alertSettingsGetRequest>;

export const alertSettingsView = z.strictObject({
  automatic_micros: z.array(microsString),
  thresholds_micros: z.array(microsString),
  emails: z.array(z.string()),
  webhook_url: z.string().nullable(),
});
export type AlertSettingsView = z.infer<typeof alertSettingsView>;

export const alertHistoryRequest = z.object({
  caller: callerSchema,
  query: z.object({ limit: z.coerce.number().int().min(1).max(20).default(20), offset: z.coerce.number().int().min(0).default(0) }),
});
export type AlertHistoryRequest = z.infer<typeof alertHistoryRequest>;

export const alertView = z.strictObject({
  alert_uuid: z.string(),
  threshold_micros: microsString,
  balance_micros: microsString,
  kind: z.enum(['automatic', 'custom']),
  status: z.enum(['pending', 'sent', 'failed']),
  recipients: z.array(z.string()),
  created_at: z.string(),
  sent_at: z.string().nullable(),
  /** The signed POST to the account's `webhook_url`; null when none was configured when the alert was sent. */
  webhook: z
    .strictObject({
      url: z.string(),
      status: z.enum(['pending', 'delivered', 'failed']),
      tries: z.number().int(),
      http_status: z.number().int().nullable(),
      error: z.string().nullable(),
      delivered_at: z.string().nullable(),
    })
    .nullable(),
});
export type AlertView = z.infer<typeof alertView>;
export const alertHistoryResult = listResult(alertView, 'alerts');
export type AlertHistoryResult = z.infer<typeof alertHistoryResult>;
