import { Controller, Inject, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { healthSubject, type HealthReport, type ServiceName } from '@signet/contracts/common';
import { allOk, runChecks, type HealthCheck } from './checks.js';

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

/** The `<service>.health.check` handler behind the gateway's informational per-service table. */
export function healthController(service: ServiceName): Type<unknown> {
  @Controller()
  class HealthRpcController {
    constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

    @MessagePattern(healthSubject(service))
    async report(): Promise<HealthReport> {
      const checks = await runChecks(this.checks);
      return { service, status: allOk(checks) ? 'ok' : 'degraded', checks };
    }
  }
  return HealthRpcController;
}
