import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { apiClient, createTestAccount, type TestAccount } from '@signet/testing';
// @ts-expect-error plain ESM helper shared with `npm start`
import { startStack, waitUntilReady } from '../tools/stack.mjs';
// @ts-expect-error plain ESM helper shared with `npm test`
import { ensureDatabase } from '../tools/database.mjs';
import { healthUrl } from './support/metrics.js';
import { OwnPostgres, ownNats, ownRedis } from './support/own-infra.js';
import { rememberSecrets } from './support/secrets-ledger.js';
import { env, newRecipient } from './support/stack.js';

/**
 * Dependency outages under load, against a Postgres, Redis and NATS this suite starts on its own ports, with its
 * own stack of services pointed at them: Postgres stopped → fast 503s, then full recovery; Redis stopped → OTPs
 * delivered within 2 s of its return; NATS stopped → /readyz says so. Readiness follows each process's own
 * dependencies: a service is not ready without its Postgres, a worker without its Redis, the gateway without NATS,
 * and none of them because another one is down.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const PORTS = { postgres: 25491, redis: 26391, nats: 24291, gateway: 18191 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Readiness {
  status: number;
  body: { services?: Record<string, string> } & Record<string, unknown>;
}

/** A process's /readyz (its health port; the gateway's public one), polled until `status` (or `until` holds), or 5 s. */
async function readiness(url: string, status: number | ((r: Readiness) => boolean)): Promise<Readiness> {
  const until = Date.now() + 5000;
  for (;;) {
    const res = await fetch(url);
    const seen: Readiness = { status: res.status, body: (await res.json()) as Readiness['body'] };
    if ((typeof status === 'number' ? seen.status === status : status(seen)) || Date.now() > until) return seen;
    await sleep(100);
  }
}

describe('dependency outages (own Postgres, Redis and NATS)', () => {
  const postgres = new OwnPostgres(PORTS.postgres);
  const redis = ownRedis(PORTS.redis);
  const nats = ownNats(PORTS.nats);
  const gatewayUrl = `http://127.0.0.1:${PORTS.gateway}`;
  let stack: { stop(): Promise<void>; children: { name: string; child: { exitCode: number | null } }[] } | undefined;
  let account: TestAccount;
  let api: ReturnType<typeof apiClient>;
  let sessions: string;

  beforeAll(async () => {
    postgres.init();
    await Promise.all([postgres.start(), redis.start(), nats.start()]);
    const faultEnv = {
      ...env,
      DATABASE_URL: postgres.url,
      REDIS_URL: `redis://127.0.0.1:${PORTS.redis}`,
      NATS_URL: `nats://127.0.0.1:${PORTS.nats}`,
      GATEWAY_PORT: String(PORTS.gateway),
    };
    await ensureDatabase(postgres.url);
    execFileSync(process.execPath, [`${root}/tools/migrate.mjs`], { env: faultEnv, stdio: 'ignore' });
    stack = startStack(faultEnv, { output: process.env.E2E_LOGS ? 'prefix' : 'silent' });
    await waitUntilReady(gatewayUrl, 60_000);
    account = await createTestAccount(gatewayUrl, env.SIGNET_ADMIN_TOKEN);
    rememberSecrets(account.token);
    api = apiClient(gatewayUrl, account.authId, account.token);
    sessions = `/v1/Account/${account.authId}/Verify/Session/`;
    expect((await api('POST', sessions, { recipient: newRecipient() })).status).toBe(202); // authenticated, and cached
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await Promise.all([redis.stop(), nats.stop()]);
    postgres.destroy();
  }, 30_000);

  const outboxHas = async (recipient: string): Promise<boolean> => {
    const res = await api('GET', `/dev/outbox?recipient=${encodeURIComponent(recipient)}`);
    const messages = Array.isArray(res.body.messages) ? (res.body.messages as { text: string }[]) : [];
    rememberSecrets(...messages.flatMap((m) => m.text.match(/\d{6,8}/g) ?? []));
    return messages.length > 0;
  };

  it('Postgres stopped under load: fast 503s in the envelope, never a 500, then full recovery', async () => {
    const results: { status: number; ms: number; phase: string; error?: string }[] = [];
    let phase = 'before';
    let running = true;
    const worker = async () => {
      while (running) {
        const started = Date.now();
        const at = phase;
        const res = await api('POST', sessions, { recipient: newRecipient() });
        results.push({ status: res.status, ms: Date.now() - started, phase: at, error: res.body.error });
      }
    };
    const load = Promise.all(Array.from({ length: 6 }, worker));
    await sleep(1000);
    postgres.stop();
    phase = 'down';
    const downAt = Date.now();
    const verifyReady = await readiness(healthUrl('verify', '/readyz'), 503);
    const gatewayReady = await readiness(`${gatewayUrl}/readyz`, 200);
    await sleep(Math.max(0, 4000 - (Date.now() - downAt)));
    await postgres.start();
    phase = 'recovering';
    await sleep(3000);
    phase = 'after';
    await sleep(2000);
    running = false;
    await load;

    const unexpected = results.filter((r) => r.status !== 202 && r.status !== 503);
    expect(unexpected).toEqual([]);
    const unavailable = results.filter((r) => r.status === 503);
    expect(unavailable.length).toBeGreaterThan(10);
    for (const r of unavailable) expect(r.error).toMatch(/service unavailable/);
    // Fast: a refused connection answers at once, not after the 3 s NATS timeout.
    expect(Math.max(...unavailable.map((r) => r.ms))).toBeLessThan(1500);
    const after = results.filter((r) => r.phase === 'after');
    expect(after.length).toBeGreaterThan(10);
    expect(after.every((r) => r.status === 202)).toBe(true);
    expect((await fetch(`${gatewayUrl}/readyz`)).status).toBe(200);
    // Its own database gone, verify was not ready; the gateway, which needs only NATS, stayed ready.
    expect(verifyReady).toMatchObject({ status: 503, body: { status: 'not ready', checks: { postgres: 'down', nats: 'ok' } } });
    expect(gatewayReady).toMatchObject({ status: 200, body: { status: 'ready', nats: 'ok' } });
    expect((await readiness(healthUrl('verify', '/readyz'), 200)).status).toBe(200);
    for (const { name, child } of stack!.children) expect({ name, exitCode: child.exitCode }).toEqual({ name, exitCode: null });
  }, 60_000);

  it('Redis stopped: OTPs created meanwhile are delivered within 2 s of its return', async () => {
    await redis.stop();
    expect(await readiness(healthUrl('verify-worker', '/readyz'), 503)).toMatchObject({ status: 503, body: { checks: { redis: 'down' } } });
    expect((await readiness(`${gatewayUrl}/readyz`, 200)).status).toBe(200);
    const recipients = Array.from({ length: 8 }, () => newRecipient());
    for (const recipient of recipients) expect((await api('POST', sessions, { recipient })).status).toBe(202);
    await sleep(1500);
    expect(await outboxHas(recipients[0])).toBe(false); // nothing could be delivered while Redis was away
    await redis.start();
    const back = Date.now();
    const pending = new Set(recipients);
    while (pending.size > 0 && Date.now() - back < 10_000) {
      for (const r of [...pending]) if (await outboxHas(r)) pending.delete(r);
      if (pending.size > 0) await sleep(50);
    }
    const deliveredWithinMs = Date.now() - back;
    expect(pending.size).toBe(0);
    expect(deliveredWithinMs).toBeLessThan(2000);
  }, 40_000);

  it('NATS stopped: /readyz flips to 503 ("nats": "down") at once, and back once it returns', async () => {
    await nats.stop();
    const stopped = Date.now();
    let ready: { status: number; body: { nats?: string } } = { status: 0, body: {} };
    while (Date.now() - stopped < 5000) {
      const res = await fetch(`${gatewayUrl}/readyz`);
      ready = { status: res.status, body: (await res.json()) as { nats?: string } };
      if (ready.status === 503) break;
      await sleep(100);
    }
    expect(ready).toMatchObject({ status: 503, body: { status: 'not ready', nats: 'down' } });
    expect(Date.now() - stopped).toBeLessThan(3000);

    await nats.start();
    await waitUntilReady(gatewayUrl, 20_000);
    expect((await api('POST', sessions, { recipient: newRecipient() })).status).toBe(202);
  }, 40_000);

  it('another service stopped: the gateway and verify stay ready; the gateway lists the missing one', async () => {
    const sipAuth = stack!.children.find((c) => c.name === 'sip-auth')!.child as unknown as { kill(signal: string): void; exitCode: number | null };
    sipAuth.kill('SIGTERM');
    const gateway = await readiness(`${gatewayUrl}/readyz`, (r) => r.body.services?.['sip-auth'] === 'down');
    expect(gateway).toMatchObject({ status: 200, body: { status: 'ready', services: { 'sip-auth': 'down', verify: 'ok' } } });
    expect((await fetch(healthUrl('verify', '/readyz'))).status).toBe(200);
  }, 20_000);
});
