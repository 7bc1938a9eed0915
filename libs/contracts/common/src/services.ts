/** Every NATS service; each joins a queue group of its own name and answers `<service>.health.check`. */
export const SERVICES = ['identity', 'verify', 'sip-auth', 'billing-alerts', 'callback-dispatcher'] as const;
export type ServiceName = (typeof SERVICES)[number];

export const healthSubject = (service: ServiceName): string => `${service}.health.check`;

export interface HealthReport {
  service: ServiceName;
  status: 'ok' | 'degraded';
  checks: Record<string, 'ok' | 'down'>;
}

/** Metadata carried in NATS headers with every request: the correlation id born at the gateway. */
export const API_ID_HEADER = 'Signet-Api-Id';
