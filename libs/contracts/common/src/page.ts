import { z } from 'zod';
import { lenientInt, optional } from './lenient.js';

/** Plivo's offset pagination: limit 1–20 (default 20), offset ≥ 0. */
export const pageSchema = z.object({
  limit: optional(lenientInt.pipe(z.number().min(1, 'must be 1 to 20').max(20, 'must be 1 to 20'))).default(20),
  offset: optional(lenientInt.pipe(z.number().min(0, 'must be 0 or more'))).default(0),
});
export type Page = z.infer<typeof pageSchema>;

export const DATA_REGIONS = ['us', 'in'] as const;
export type DataRegion = (typeof DATA_REGIONS)[number];

/** Who is calling: the authenticated (sub)account and the main account it belongs to. */
export const callerSchema = z.object({
  auth_id: z.string(),
  main_auth_id: z.string(),
  is_subaccount: z.boolean(),
  /** The main account's data region (`in` may reach Indian numbers only). Absent from older callers: no restriction. */
  data_region: z.enum(DATA_REGIONS).optional(),
});
export type Caller = z.infer<typeof callerSchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids in URLs are UUIDs; anything else simply names nothing (a 404, not a 400). */
export const isUuid = (value: string): boolean => UUID.test(value);

/** The list shape every service answers: `objects` (or the key Plivo uses), the page and the total. */
export const listResult = <T extends z.ZodType, K extends string = 'objects'>(item: T, key: K = 'objects' as K) =>
  z.strictObject({ [key]: z.array(item), limit: z.number(), offset: z.number(), total_count: z.number() } as { [P in K]: z.ZodArray<T> } & {
    limit: z.ZodNumber;
    offset: z.ZodNumber;
    total_count: z.ZodNumber;
  });

/** Commands whose reply says only that they happened. */
export const changedReply = z.strictObject({ changed: z.literal(true) });
export const deletedReply = z.strictObject({ deleted: z.literal(true) });
