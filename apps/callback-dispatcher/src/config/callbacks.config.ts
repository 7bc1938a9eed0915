import { infraSchema, readConfig, serviceDatabaseUrl } from '@signet/config';
import { allowPrivateNetworks } from '@signet/net-guard';
import { z } from 'zod';
import { DEFAULT_SCHEDULE, parseSchedule } from '../delivery/retry-schedule.js';

export const callbacksConfigSchema = infraSchema.extend({
  /** Delays before each try, comma-separated (`0,5s,5m,30m,2h,5h,10h,10h`): the first is the first send. */
  CALLBACKS_RETRY_SCHEDULE: z
    .string()
    .default(DEFAULT_SCHEDULE)
    .transform((v, ctx) => {
      try {
        return parseSchedule(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    }),
  CALLBACKS_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(200),
  CALLBACKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  CALLBACKS_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  /** A pending callback whose next try is this far overdue has lost its job (Redis lost it): the sweeper re-adds it. */
  CALLBACKS_STALE_MS: z.coerce.number().int().min(100).default(15_000),
});
export type CallbacksConfig = Readonly<z.infer<typeof callbacksConfigSchema> & { allowPrivate: boolean }>;
export const CALLBACKS_CONFIG = Symbol('CALLBACKS_CONFIG');

export const loadCallbacksConfig = (): CallbacksConfig =>
  Object.freeze({ ...readConfig('callback-dispatcher', callbacksConfigSchema), allowPrivate: allowPrivateNetworks() });
export const callbacksDatabaseUrl = (): string => serviceDatabaseUrl('CALLBACKS');
