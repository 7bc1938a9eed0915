// The image's HEALTHCHECK (and docker-compose's) for whichever Signet app the container runs: the gateway answers
// GET /healthz; a NATS service answers its `<service>.health.check` (as its own NATS user); a worker, which has no
// port, is healthy while it runs; a container running none of them (the migration) is healthy. Exit 0 or 1.
import { readdirSync, readFileSync } from 'node:fs';

const ENTRY = /dist\/apps\/([\w-]+)\/src\/main(\.worker)?\.js$/;
const entry = readdirSync('/proc')
  .filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid)
  .flatMap((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      return [];
    }
  })
  .find((arg) => ENTRY.test(arg));

async function healthy() {
  if (!entry) return true;
  const [, app, worker] = entry.match(ENTRY);
  if (worker) return true;
  if (app === 'gateway') return (await fetch(`http://127.0.0.1:${process.env.GATEWAY_PORT ?? 8080}/healthz`, { signal: AbortSignal.timeout(2000) })).ok;
  const { connect } = await import('@nats-io/transport-node');
  const auth = process.env.NATS_USER ? { user: process.env.NATS_USER, pass: process.env.NATS_PASSWORD ?? '' } : {};
  const nc = await connect({ servers: (process.env.NATS_URL ?? 'nats://127.0.0.1:4222').split(','), timeout: 2000, maxReconnectAttempts: 0, ...auth });
  try {
    const ns = process.env.SIGNET_NAMESPACE;
    const subject = `${ns ? `${ns}.` : ''}${app}.health.check`;
    const reply = await nc.request(subject, JSON.stringify({ pattern: `${app}.health.check`, data: {}, id: 'healthcheck' }), { timeout: 2000 });
    return reply.json().response?.status === 'ok';
  } finally {
    await nc.close();
  }
}

process.exit((await healthy().catch(() => false)) ? 0 : 1);
