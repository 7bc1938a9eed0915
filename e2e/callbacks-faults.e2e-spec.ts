import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { eventually, type TestAccount } from '@signet/testing';
import pg from 'pg';
// @ts-expect-error plain ESM helper shared with `npm start`
import { startStack, waitUntilReady } from '../tools/stack.mjs';
import { burst, completeness, spawnService, stopProcess } from './support/faults.js';
import { Receiver } from './support/receiver.js';
import { baseUrl, env, newAccount, newRecipient } from './support/stack.js';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A Redis of the test's own, without persistence: a restart loses every job it held. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], {
    stdio: 'ignore',
  });
  const { Redis } = await import('ioredis');
  await eventually(async () => {
    const r = new Redis({ port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => undefined);
    try {
      await r.connect();
      return (await r.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      r.disconnect();
    }
  }, 10_000);
  return child;
}

/**
 * "Never lost": the whole stack runs against a Redis this suite starts (so it can restart it) with a schedule
 * short enough (~45 s) to outlast a 30 s outage of the receiver.
 */
describe('Status callbacks are never lost', () => {
  let redis: ChildProcess;
  let redisPort: number;
  let stack: { stop(): Promise<void>; children: { name: string; child: ChildProcess }[] };
  const extra: ChildProcess[] = [];
  const receiver = new Receiver();
  let account: TestAccount;
  let stackEnv: Record<string, string>;
  const child = (name: string) => stack.children.find((c) => c.name === name)!.child;

  beforeAll(async () => {
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    stackEnv = {
      ...env,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      CALLBACKS_RETRY_SCHEDULE: '0,1s,2s,3s,5s,5s,5s,5s,5s,5s,5s,5s',
      CALLBACKS_SWEEP_INTERVAL_MS: '1000',
      CALLBACKS_STALE_MS: '5000',
    };
    await receiver.start();
    stack = startStack(stackEnv, { output: process.env.E2E_LOGS ? 'prefix' : 'silent' });
    await waitUntilReady(baseUrl, 60_000);
    account = await newAccount();
  }, 90_000);

  afterAll(async () => {
    await Promise.all(extra.map((c) => stopProcess(c)));
    // The stack's stop() waits for an exit that a killed or stopped child has already had.
    if (stack)
      for (let i = stack.children.length - 1; i >= 0; i--)
        if (stack.children[i].child.exitCode !== null || stack.children[i].child.signalCode !== null) stack.children.splice(i, 1);
    await stack?.stop();
    await receiver.stop();
    if (redis) await stopProcess(redis);
  }, 60_000);

  const allArrived = (sessions: string[]) => async () => completeness(receiver, sessions).missing === 0;

  it('(a) the receiver is down for 30 s during a burst of 500 sessions: every callback arrives after it returns', async () => {
    const port = receiver.port;
    await receiver.stop();
    const downAt = Date.now();
    const sessions = await burst(baseUrl, account, 500, receiver.url('/a'), () => newRecipient());
    await sleep(Math.max(0, 30_000 - (Date.now() - downAt)));
    expect(completeness(receiver, sessions).missing).toBe(1500);
    await receiver.start(port);
    const back = Date.now();
    await eventually(allArrived(sessions), 60_000);
    expect(completeness(receiver, sessions)).toMatchObject({ missing: 0, conflicting: 0 });
    expect(receiver.received.filter((r) => r.at < back)).toHaveLength(0);
    // The outage is in the log: refused tries before the one that delivered.
    const db = new pg.Client({ connectionString: env.DATABASE_URL });
    await db.connect();
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM callbacks.tries t JOIN callbacks.callbacks c ON c.uuid = t.callback_uuid WHERE c.session_uuid = ANY($1) AND t.error LIKE 'ECONNREFUSED%'`,
      [sessions],
    );
    await db.end();
    expect(rows[0].n).toBeGreaterThanOrEqual(1500);
  }, 150_000);

  it('(b) the worker is SIGKILLed in the middle of a burst of 1,000: every callback arrives, a duplicate has the same event id', async () => {
    const before = receiver.received.length;
    const creating = burst(baseUrl, account, 1000, receiver.url('/b'), () => newRecipient());
    await eventually(async () => receiver.received.length - before >= 300, 30_000);
    child('callback-dispatcher-worker').kill('SIGKILL');
    await sleep(1000);
    extra.push(spawnService('apps/callback-dispatcher/src/main.worker.js', stackEnv));
    const sessions = await creating;
    await eventually(allArrived(sessions), 90_000);
    const result = completeness(receiver, sessions);
    expect(result).toMatchObject({ missing: 0, conflicting: 0 });
  }, 150_000);

  it('(c) callback-dispatcher is stopped while verify keeps producing events and started 20 s later: nothing is missing', async () => {
    await stopProcess(child('callback-dispatcher'));
    const sessions: string[] = [];
    const until = Date.now() + 20_000;
    while (Date.now() < until) {
      sessions.push(...(await burst(baseUrl, account, 10, receiver.url('/c'), () => newRecipient(), 5)));
      await sleep(200);
    }
    // Nothing could be turned into a callback meanwhile (the consumer is down), though verify went on.
    expect(completeness(receiver, sessions).missing).toBe(sessions.length * 3);
    extra.push(spawnService('apps/callback-dispatcher/src/main.js', stackEnv));
    await eventually(allArrived(sessions), 60_000);
    expect(completeness(receiver, sessions)).toMatchObject({ missing: 0, conflicting: 0 });
    expect(sessions.length).toBeGreaterThan(100);
  }, 120_000);

  it('(d) Redis restarts (losing every job) during a burst: nothing is missing', async () => {
    const before = receiver.received.length;
    const creating = burst(baseUrl, account, 500, receiver.url('/d'), () => newRecipient());
    await eventually(async () => receiver.received.length - before >= 200, 30_000);
    await stopProcess(redis, 'SIGKILL');
    await sleep(2000);
    redis = await startRedis(redisPort);
    const sessions = await creating;
    await eventually(allArrived(sessions), 90_000);
    expect(completeness(receiver, sessions)).toMatchObject({ missing: 0, conflicting: 0 });
  }, 150_000);
});
