import { Controller, Get, Res } from '@nestjs/common';
import { healthSubject, SERVICES } from '@signet/contracts/common';
import type { NatsConnection } from '@nats-io/transport-node';
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
   * Ready when NATS answers a round trip (a connection that is reconnecting is not ready, however patient): that is
   * all a gateway needs to serve, and a service that is down answers its own fast 503s. The per-service table is
   * information only: one bad service must not drain every gateway replica. Without NATS no service can be asked.
   */
  @Get('readyz')
  async readyz(@Res({ passthrough: true }) reply: FastifyReply) {
    const nats = await natsRoundTrip(this.rpc.connection);
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
    const ready = nats === 'ok';
    void reply.code(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not ready', nats, services };
  }
}

/** 'ok' when NATS answers a round trip within a second. */
export async function natsRoundTrip(nc: NatsConnection): Promise<'ok' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'down'>((resolve) => (timer = setTimeout(() => resolve('down'), 1000)));
  try {
    return await Promise.race([nc.rtt().then(() => 'ok' as const), timeout]);
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
