import { Controller, Get, Res } from '@nestjs/common';
import { healthSubject, SERVICES } from '@signet/contracts/common';
import { RpcClient } from '@signet/nats';
import type { FastifyReply } from 'fastify';

@Controller()
export class HealthController {
  constructor(private readonly rpc: RpcClient) {}

  /** Alive: the process serves HTTP. */
  @Get('healthz')
  healthz() {
    return { status: 'ok' };
  }

  /** Ready only when NATS is connected and every service answers its health check within a second. */
  @Get('readyz')
  async readyz(@Res({ passthrough: true }) reply: FastifyReply) {
    const nats = this.rpc.connection.isClosed() ? 'down' : 'ok';
    const reports = await Promise.all(
      SERVICES.map(async (service) => {
        try {
          const report = await this.rpc.call(healthSubject(service), {}, undefined, 1000);
          return [service, report.status === 'ok' ? 'ok' : 'degraded'] as const;
        } catch {
          return [service, 'down'] as const;
        }
      }),
    );
    const services = Object.fromEntries(reports);
    const ready = nats === 'ok' && reports.every(([, s]) => s === 'ok');
    void reply.code(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not ready', nats, services };
  }
}
