import { Controller, Inject, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { healthSubject, type HealthReport, type ServiceName } from '@signet/contracts/common';

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

/** A dependency a service needs to do its work (its database, its Redis); each answers within the check's time. */
export interface HealthCheck {
  name: string;
  check(): Promise<unknown>;
}

async function run(check: HealthCheck): Promise<'ok' | 'down'> {
  try {
    await Promise.race([check.check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000))]);
    return 'ok';
  } catch {
    return 'down';
  }
}

/** The `<service>.health.check` handler the gateway's /readyz asks every service. */
export function healthController(service: ServiceName): Type<unknown> {
  @Controller()
  class HealthRpcController {
    constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

    @MessagePattern(healthSubject(service))
    async report(): Promise<HealthReport> {
      const results = await Promise.all(this.checks.map(async (c) => [c.name, await run(c)] as const));
      const checks = Object.fromEntries(results);
      return { service, status: results.every(([, s]) => s === 'ok') ? 'ok' : 'degraded', checks };
    }
  }
  return HealthRpcController;
}
