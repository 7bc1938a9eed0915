import { z } from 'zod';
import { lenientInt, optional } from './lenient.js';

/** Plivo's offset pagination: limit 1–20 (default 20), offset ≥ 0. */
export const pageSchema = z.object({
  limit: optional(lenientInt.pipe(z.number().min(1, 'must be 1 to 20').max(20, 'must be 1 to 20'))).default(20),
  offset: optional(lenientInt.pipe(z.number().min(0, 'must be 0 or more'))).default(0),
});
export type Page = z.infer<typeof pageSchema>;

export interface PageResult<T> {
  items: T[];
  total: number;
}

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
