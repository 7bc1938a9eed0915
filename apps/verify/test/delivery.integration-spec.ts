import { randomUUID } from 'node:crypto';
import { AttemptErrorCodes } from '@signet/contracts/verify';
import { ProviderRegistry } from '@signet/providers';
import { startWorker, type QueueSpec } from '@signet/queue';
import { FakePlivo, FakeTwilio, FakeVonage, eventually } from '@signet/testing';
import { Queue, type Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import type { VerifyConfig } from '../src/config/verify.config.js';
import { CircuitBreaker } from '../src/delivery/circuit-breaker.js';
import { DeliveryProcessor } from '../src/delivery/delivery.processor.js';
import { DeliveryQueue } from '../src/delivery/delivery.queue.js';
import { DeliveryRepository } from '../src/delivery/delivery.repository.js';
import type { Route, RouteResolver } from '../src/delivery/routes.js';
import type { EventsRelay } from '@signet/outbox';
import { Sweeper } from '../src/expiry/sweeper.js';
import { SessionsRepository } from '../src/sessions/sessions.repository.js';
import { attemptEvents, attemptState, queuedAttempt, ring, triesOf } from './support/delivery-fixture.js';

// The delivery worker on real Postgres and Redis (BullMQ), sending through the real adapters to the local vendor
// fakes: fallback on any API error, skipped senders, the shared circuit breaker, and the one final-failure path.
describe('OTP delivery: routing, fallback, breaker, final failure', () => {
  const prefix = `signet-test-delivery-${randomUUID().slice(0, 8)}`;
  const spec: QueueSpec<'deliver'> = {
    name: 'verify.otp-delivery',
    jobs: ['deliver'],
    defaultJobOptions: { attempts: 2, backoff: { type: 'fixed', delay: 50 } },
  };
  const env = { redisUrl: process.env.REDIS_URL as string, prefix };
  const twilio = new FakeTwilio();
  const plivo = new FakePlivo();
  const vonage = new FakeVonage();
  const relay = { kick: () => undefined } as unknown as EventsRelay;
  let ds: DataSource;
  let redis: Redis;
  let queue: Queue;
  let worker: Worker;
  let registry: ProviderRegistry;
  let breaker: CircuitBreaker;
  let routes: Route[] = [];
  let exhaustedFails = false;
  const senders = { twilio: randomUUID(), plivo: randomUUID(), vonage: randomUUID() };

  const route = (key: keyof typeof senders, provider: Route['provider'], numbers: Route['numbers']): Route => ({
    key: senders[key],
    senderUuid: senders[key],
    provider,
    numbers,
    channels: ['sms', 'voice'],
  });
  let twilioRoute: Route;
  let plivoRoute: Route;
  let vonageRoute: Route;

  beforeAll(async () => {
    ds = await new DataSource({ type: 'postgres', url: process.env.DATABASE_URL }).initialize();
    redis = new Redis(process.env.REDIS_URL as string);
    await Promise.all([twilio.start(), plivo.start(), vonage.start()]);
    registry = new ProviderRegistry(
      { twilioApiUrl: twilio.url, plivoApiUrl: plivo.url, vonageRestUrl: vonage.url, vonageApiUrl: vonage.url },
      { connectTimeoutMs: 300, totalTimeoutMs: 600 },
    );
    breaker = new CircuitBreaker(redis, prefix, { threshold: 2, coolDownMs: 60_000 });
    const tw = twilio.addAccount([{ phone_number: '+14155550001', sms: true, voice: true }]);
    const pl = plivo.addAccount([{ number: '14155550002', sms: true, voice: true }]);
    const vo = vonage.addAccount([{ msisdn: '14155550003', sms: true, voice: true }]);
    twilioRoute = route('twilio', registry.create('twilio', tw), [{ number: '+14155550001', type: 'local', sms: true, voice: true, countries: [] }]);
    plivoRoute = route('plivo', registry.create('plivo', pl), [{ number: '+14155550002', type: 'local', sms: true, voice: true, countries: [] }]);
    vonageRoute = route('vonage', registry.create('vonage', vo), [{ number: '+14155550003', type: 'local', sms: true, voice: true, countries: [] }]);
    const resolver = { routesFor: async () => routes } as unknown as RouteResolver;
    const config = { SIGNET_PUBLIC_URL: 'http://127.0.0.1:1' } as VerifyConfig;
    const processor = new DeliveryProcessor(new DeliveryRepository(ds), relay, resolver, breaker, ring, config);
    queue = new Queue(spec.name, { connection: { host: '127.0.0.1', port: 6379 }, prefix, defaultJobOptions: spec.defaultJobOptions });
    worker = startWorker(
      spec,
      {
        deliver: {
          run: (job) => processor.deliver(job),
          exhausted: async (job, err) => {
            if (exhaustedFails) throw new Error('database blinked');
            await processor.exhausted(job, err);
          },
        },
      },
      env,
      { concurrency: 5 },
    );
  });

  afterEach(async () => {
    for (const f of [twilio, plivo, vonage]) Object.assign(f, { failWith: undefined, hang: false });
    exhaustedFails = false;
    await redis.del(...Object.values(senders).flatMap((s) => [`${prefix}:breaker:${s}:open`, `${prefix}:breaker:${s}:fails`]));
  });

  afterAll(async () => {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await registry.close();
    redis.disconnect();
    await Promise.all([twilio.stop(), plivo.stop(), vonage.stop()]);
    await ds.destroy();
  });

  async function deliver(opts: Parameters<typeof queuedAttempt>[1] = {}): Promise<string> {
    const { attempt } = await queuedAttempt(ds, opts);
    await queue.add('deliver', { attempt_uuid: attempt }, { jobId: attempt });
    return attempt;
  }

  const ended = (attempt: string) => eventually(async () => (await attemptState(ds, attempt)).status !== 'queued', 8000);

  it('sends through the primary sender, recording the try, the provider and the sender on the attempt and its event', async () => {
    routes = [twilioRoute, plivoRoute];
    const attempt = await deliver();
    await ended(attempt);
    const state = await attemptState(ds, attempt);
    expect(state).toMatchObject({ status: 'sent', provider: 'twilio', sender_uuid: senders.twilio, error_code: null });
    expect(state.provider_ref).toMatch(/^SM/);
    expect(twilio.sends.find((s) => s.ref === state.provider_ref)).toMatchObject({
      from: '+14155550001',
      text: 'Your Acme code is 424242',
      callbackUrl: `http://127.0.0.1:1/webhooks/twilio/sms/${attempt}`,
    });
    expect(await triesOf(ds, attempt)).toEqual([
      expect.objectContaining({
        seq: 1,
        provider: 'twilio',
        sender_uuid: senders.twilio,
        from_number: '+14155550001',
        outcome: 'accepted',
        provider_ref: state.provider_ref,
      }),
    ]);
    expect(await attemptEvents(ds, attempt)).toEqual([{ status: 'sent', error_code: null, provider: 'twilio', sender_uuid: senders.twilio }]);
  });

  it('falls back to the next sender on a provider 500, and on a provider timeout', async () => {
    routes = [twilioRoute, plivoRoute, vonageRoute];
    twilio.failWith = 500;
    const a = await deliver();
    await ended(a);
    expect(await attemptState(ds, a)).toMatchObject({ status: 'sent', provider: 'plivo', sender_uuid: senders.plivo });
    expect((await triesOf(ds, a)).map((t) => [t.provider, t.outcome])).toEqual([
      ['twilio', 'refused'],
      ['plivo', 'accepted'],
    ]);
    expect((await triesOf(ds, a))[0].error).toMatch(/HTTP 500/);

    twilio.failWith = undefined;
    plivo.hang = true;
    routes = [plivoRoute, vonageRoute];
    const b = await deliver({ channel: 'voice' });
    await ended(b);
    expect(await attemptState(ds, b)).toMatchObject({ status: 'in-progress', provider: 'vonage' });
    const tries = await triesOf(ds, b);
    expect(tries.map((t) => [t.provider, t.outcome])).toEqual([
      ['plivo', 'refused'],
      ['vonage', 'accepted'],
    ]);
    expect(tries[0].error).toMatch(/timed out after 600 ms/);
  });

  it('skips a sender with no number serving the destination', async () => {
    const caOnly = { ...twilioRoute, numbers: [{ number: '+14155550001', type: 'local' as const, sms: true, voice: true, countries: ['CA'] }] };
    routes = [caOnly, plivoRoute];
    const sendsBefore = twilio.sendRequests.length;
    const a = await deliver();
    await ended(a);
    expect(await attemptState(ds, a)).toMatchObject({ status: 'sent', provider: 'plivo' });
    const tries = await triesOf(ds, a);
    expect(tries.map((t) => [t.provider, t.outcome])).toEqual([
      ['twilio', 'skipped'],
      ['plivo', 'accepted'],
    ]);
    expect(tries[0].error).toBe('no number serves US on sms');
    expect(twilio.sendRequests.length).toBe(sendsBefore);
  });

  it('opens the circuit of a dead sender: after the threshold its attempts skip it without a call', async () => {
    routes = [twilioRoute, plivoRoute];
    twilio.failWith = 503;
    for (let i = 0; i < 2; i++) await ended(await deliver());
    const callsWhenOpen = twilio.sendRequests.length;
    const a = await deliver();
    await ended(a);
    expect(twilio.sendRequests.length).toBe(callsWhenOpen);
    expect(await attemptState(ds, a)).toMatchObject({ status: 'sent', provider: 'plivo' });
    expect((await triesOf(ds, a))[0]).toMatchObject({ provider: 'twilio', outcome: 'skipped', error: 'circuit open' });
    expect(await redis.pttl(`${prefix}:breaker:${senders.twilio}:open`)).toBeGreaterThan(50_000);
    // What the worker's /metrics reads: open circuits by provider.
    expect(await breaker.openByProvider()).toEqual(new Map([['twilio', 1]]));
  });

  it('ends an attempt every sender refused as failed ALL_SENDERS_REFUSED after its retries, with its event, and the sweeper never re-adds it', async () => {
    routes = [twilioRoute, vonageRoute];
    twilio.failWith = 500;
    vonage.failWith = 500;
    const { attempt } = await queuedAttempt(ds, { ageSeconds: 60 });
    await queue.add('deliver', { attempt_uuid: attempt }, { jobId: attempt });
    await ended(attempt);
    expect(await attemptState(ds, attempt)).toMatchObject({
      status: 'failed',
      error_code: AttemptErrorCodes.ALL_SENDERS_REFUSED,
      provider: null,
      sender_uuid: null,
    });
    expect(await attemptEvents(ds, attempt)).toEqual([{ status: 'failed', error_code: 'ALL_SENDERS_REFUSED', provider: null, sender_uuid: null }]);
    // Two runs (attempts: 2), two senders each, all refused: four tries.
    expect((await triesOf(ds, attempt)).map((t) => t.outcome)).toEqual(['refused', 'refused', 'refused', 'refused']);
    expect(await new DeliveryRepository(ds).strandedAttempts(30, 100000)).not.toContain(attempt);
  });

  it('the sweeper ends an attempt whose job failed for good when the final-failure path could not commit', async () => {
    routes = [twilioRoute];
    twilio.failWith = 500;
    exhaustedFails = true;
    const { attempt } = await queuedAttempt(ds, { ageSeconds: 60 });
    await queue.add('deliver', { attempt_uuid: attempt }, { jobId: attempt });
    await eventually(async () => (await queue.getJob(attempt).then((j) => j?.isFailed())) === true, 8000);
    expect((await attemptState(ds, attempt)).status).toBe('queued');
    const config = { REDIS_URL: process.env.REDIS_URL, REDIS_PREFIX: prefix, VERIFY_SWEEP_INTERVAL_MS: 60_000 } as VerifyConfig;
    const producer = new DeliveryQueue(config);
    const repo = new DeliveryRepository(ds);
    const sweeper = new Sweeper(new SessionsRepository(ds), repo, producer, relay, config);
    await sweeper.sweep();
    await producer.onApplicationShutdown();
    expect(await attemptState(ds, attempt)).toMatchObject({ status: 'failed', error_code: AttemptErrorCodes.ALL_SENDERS_REFUSED });
  });

  it('never sends again once a claim exists: a run that finds a try still `sending` ends the attempt DELIVERY_UNCONFIRMED', async () => {
    routes = [twilioRoute];
    const { attempt } = await queuedAttempt(ds);
    const repo = new DeliveryRepository(ds);
    expect(await repo.claim(attempt, { senderUuid: senders.twilio, provider: 'twilio', fromNumber: '+14155550001' })).toBe(1);
    expect(await repo.claim(attempt, { senderUuid: senders.plivo, provider: 'plivo', fromNumber: null })).toBeUndefined();
    const before = twilio.sendRequests.length;
    await queue.add('deliver', { attempt_uuid: attempt }, { jobId: attempt });
    await ended(attempt);
    expect(twilio.sendRequests.length).toBe(before);
    expect(await attemptState(ds, attempt)).toMatchObject({
      status: 'failed',
      error_code: AttemptErrorCodes.DELIVERY_UNCONFIRMED,
      provider: 'twilio',
      sender_uuid: senders.twilio,
    });
    expect((await triesOf(ds, attempt)).map((t) => t.outcome)).toEqual(['unconfirmed']);
  });
});
