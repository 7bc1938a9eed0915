import { randomUUID } from 'node:crypto';
import { redisOptions } from '@signet/config';
import { Redis } from 'ioredis';
import { CONVERSION_WINDOW_S, FRAUD_LEVELS, SETTLE_S } from '../src/abuse/fraud-levels.js';
import { FraudShield } from '../src/abuse/fraud-shield.js';

// The detection itself against real Redis, with explicit clocks (the e2e suite drives a burst through the gateway).
describe('FraudShield (real Redis)', () => {
  let redis: Redis;
  let shield: FraudShield;
  const account = 'MAFRAUDSHIELD0000001';

  beforeAll(async () => {
    redis = new Redis(redisOptions(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 'producer'));
    await new Promise((resolve) => redis.once('ready', resolve));
    shield = new FraudShield(redis, `signet-test-${randomUUID()}`);
  });
  afterAll(() => redis.quit());

  const send = (digits: string, level: (typeof FRAUD_LEVELS)[keyof typeof FRAUD_LEVELS], now: number) =>
    shield.check(account, digits, randomUUID(), level, now);

  it.each(Object.entries(FRAUD_LEVELS))(
    '%s: lets the burst allowance through, blocks the next send to the range, and not its neighbours',
    async (_name, level) => {
      const t0 = 1_000_000_000;
      const range = `1415${String(1000 + Math.floor(Math.random() * 8999))}`;
      for (let i = 0; i < level.burst; i++) expect(await send(`${range}${String(i).padStart(4, '0')}`, level, t0 + i)).toEqual({ allowed: true });
      expect(await send(`${range}9999`, level, t0 + level.burst)).toEqual({ allowed: false, reason: 'burst' });
      // Still blocked once the burst has left its window: the cool-down holds (its TTL is Redis's own clock).
      expect(await send(`${range}0001`, level, t0 + level.burstWindowS * 1000 + 1000)).toEqual({ allowed: false, reason: 'burst' });
      expect(level.cooldownS).toBeGreaterThan(level.burstWindowS);
      expect(await send(`1650555${String(level.burst).padStart(4, '0')}`, level, t0 + level.burst + 1)).toEqual({ allowed: true });
    },
  );

  it('blocks a range whose settled sends are almost never verified, and spares one whose users verify', async () => {
    const level = FRAUD_LEVELS.medium;
    const t0 = 2_000_000_000;
    // Spread over the conversion window, far under the burst rate: only the conversion signature can trip.
    const spacing = Math.floor((CONVERSION_WINDOW_S * 1000 - SETTLE_S * 1000) / (level.minSends + 2));
    const pumped = '1212555';
    const honest = '1212556';
    let verdict;
    for (let i = 0; i <= level.minSends + 1; i++) {
      const now = t0 + i * spacing;
      verdict = await send(`${pumped}${String(i).padStart(4, '0')}`, level, now);
      if (!verdict.allowed) break;
      expect(await send(`${honest}${String(i).padStart(4, '0')}`, level, now)).toEqual({ allowed: true });
      // Half the honest range's users type their code in.
      if (i % 2 === 0) await shield.verified(account, `${honest}${String(i).padStart(4, '0')}`, randomUUID(), now + 1000);
    }
    expect(verdict).toEqual({ allowed: false, reason: 'conversion' });
    expect(await send(`${honest}9999`, level, t0 + (level.minSends + 2) * spacing)).toEqual({ allowed: true });
  });

  it('answers 503 when Redis is down, never a pass', async () => {
    const dead = new Redis({ ...redisOptions('redis://127.0.0.1:1', 'producer'), lazyConnect: true, retryStrategy: () => null });
    dead.on('error', () => undefined);
    const offline = new FraudShield(dead, 'x');
    await expect(offline.check(account, '14155550100', randomUUID(), FRAUD_LEVELS.low)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    dead.disconnect();
  });
});
