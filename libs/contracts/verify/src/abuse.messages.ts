import { z } from 'zod';
import { callerSchema, optional } from '@signet/contracts/common';
import { CHANNELS } from './session.messages.js';

const iso2 = z.string().regex(/^[A-Za-z]{2}$/, 'must be ISO 3166 alpha-2 country codes');
const countryList = z.array(iso2).max(300, 'at most 300 countries');

/** POST …/Verify/GeoPermission/: a given channel's list replaces that channel's list; a channel left out keeps its own. */
export const geoPermissionBody = z.strictObject({ sms: optional(countryList), voice: optional(countryList) });
export type GeoPermissionBody = z.infer<typeof geoPermissionBody>;
export const geoPermissionSetRequest = z.object({ caller: callerSchema, body: geoPermissionBody });
export type GeoPermissionSetRequest = z.infer<typeof geoPermissionSetRequest>;
export const geoPermissionGetRequest = z.object({ caller: callerSchema });
export type GeoPermissionGetRequest = z.infer<typeof geoPermissionGetRequest>;
/** The countries each channel may reach, as they apply to the caller (a subaccount's narrowed by its main account's). */
export const geoPermissionView = z.strictObject({ sms: z.array(z.string()), voice: z.array(z.string()) });
export type GeoPermissionView = z.infer<typeof geoPermissionView>;

const summaryTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?Z?)?$/, 'must be YYYY-MM-DD[ HH:MM[:ss]]')
  .refine((v) => !Number.isNaN(Date.parse(v)), 'is not a real date and time');

/** GET …/Verify/Summary/ filters; times are UTC. */
export const summaryQuery = z.object({
  start_time: optional(summaryTime),
  end_time: optional(summaryTime),
  country: optional(iso2),
  app_uuid: optional(z.uuid({ error: 'must be a UUID' })),
  channel: optional(z.enum(CHANNELS, { error: 'must be sms or voice' })),
});
export type SummaryQuery = z.infer<typeof summaryQuery>;
export const summaryRequest = z.object({ caller: callerSchema, query: summaryQuery });
export type SummaryRequest = z.infer<typeof summaryRequest>;
export const summaryView = z.strictObject({
  sessions_started: z.number(),
  sessions_verified: z.number(),
  /** verified / started, 0 when nothing started; four decimals. */
  conversion_rate: z.number(),
  attempts: z.strictObject({ sms: z.number(), voice: z.number() }),
  blocked: z.strictObject({ geo_permission: z.number(), fraud_shield: z.number() }),
});
export type SummaryView = z.infer<typeof summaryView>;
