import { z } from 'zod';

/** Every NATS service; each joins a queue group of its own name and answers `<service>.health.check`. */
export const SERVICES = ['identity', 'verify', 'sip-auth', 'billing-alerts', 'callback-dispatcher'] as const;
export type ServiceName = (typeof SERVICES)[number];

export type HealthSubject = `${ServiceName}.health.check`;
export const healthSubject = <S extends ServiceName>(service: S): `${S}.health.check` => `${service}.health.check`;

export const healthRequest = z.object({});
export const healthReport = z.strictObject({
  service: z.enum(SERVICES),
  status: z.enum(['ok', 'degraded']),
  checks: z.record(z.string(), z.enum(['ok', 'down'])),
});
export type HealthReport = z.infer<typeof healthReport>;

/** Every service's health check, for the contract map. */
export const HealthRpc = Object.fromEntries(SERVICES.map((s) => [healthSubject(s), { request: healthRequest, response: healthReport }])) as {
  [S in HealthSubject]: { request: typeof healthRequest; response: typeof healthReport };
};

/** Metadata carried in NATS headers with every request: the correlation id born at the gateway. */
export const API_ID_HEADER = 'Signet-Api-Id';
