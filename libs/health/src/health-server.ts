import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { gauge, metricsRegistry } from '@signet/metrics';
import { allOk, runChecks, type HealthCheck } from './checks.js';

/** The health port in production when SIGNET_HEALTH_PORT is unset (one process per pod or container). */
export const DEFAULT_HEALTH_PORT = 9464;

/**
 * SIGNET_HEALTH_PORT; unset: 9464 in production, any free port elsewhere (many processes share one machine there:
 * the stack gives each its own, see tools/stack.mjs, and any other process logs the one it got).
 */
export function healthPort(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SIGNET_HEALTH_PORT ?? (env.NODE_ENV === 'production' ? String(DEFAULT_HEALTH_PORT) : '0');
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw new Error(`SIGNET_HEALTH_PORT must be a port number (0 for any free port): ${raw}`);
  return port;
}

/**
 * Every process's small HTTP port beside its real work (never the public gateway port): `/livez` (the process
 * runs), `/readyz` (its own dependencies answer: 503 with the failing ones named) and `/metrics` (Prometheus).
 * The port it bound is logged, so a free-port run (`0`) can be found.
 */
export async function startHealthServer(processName: string, checks: readonly HealthCheck[], port = healthPort()): Promise<Server> {
  const logger = new Logger('Health');
  gauge(
    'signet_health_check_up',
    'Whether each of this process’s own dependencies answers (1) or not (0), read when scraped: /readyz as a metric.',
    ['check'],
    async (g) => {
      for (const [check, state] of Object.entries(await runChecks(checks))) g.set({ check }, state === 'ok' ? 1 : 0);
    },
  );
  const server = createServer((req, res) => {
    const send = (status: number, body: string, type = 'application/json') => res.writeHead(status, { 'content-type': type }).end(body);
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') return send(405, '{"error":"method not allowed"}');
    if (path === '/livez') return send(200, JSON.stringify({ status: 'ok', process: processName }));
    if (path === '/readyz') {
      return void runChecks(checks).then((results) => {
        const ready = allOk(results);
        send(ready ? 200 : 503, JSON.stringify({ status: ready ? 'ready' : 'not ready', process: processName, checks: results }));
      });
    }
    if (path === '/metrics') {
      return void metricsRegistry.metrics().then(
        (text) => send(200, text, metricsRegistry.contentType),
        (err: Error) => send(500, JSON.stringify({ error: err.message })),
      );
    }
    send(404, '{"error":"not found"}');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve());
  });
  server.unref();
  logger.log(`${processName} health port ${(server.address() as AddressInfo).port} (/livez, /readyz, /metrics)`);
  return server;
}
