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

  /**
   * Ready only when NATS answers a round trip (a connection that is reconnecting is not ready, however patient) and
   * every service answers its health check within a second. Without NATS no service can be asked, so none is.
   */
  @Get('readyz')
  async readyz(@Res({ passthrough: true }) reply: FastifyReply) {
    const nats = await this.natsRoundTrip();
    const reports = await Promise.all(
      SERVICES.map(async (service) => {
        if (nats !== 'ok') return [service, 'down'] as const;
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

  private async natsRoundTrip(): Promise<'ok' | 'down'> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'down'>((resolve) => (timer = setTimeout(() => resolve('down'), 1000)));
    try {
      return await Promise.race([this.rpc.connection.rtt().then(() => 'ok' as const), timeout]);
    } catch {
      return 'down';
    } finally {
      clearTimeout(timer);
    }
  }
}
