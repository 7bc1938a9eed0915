import { randomUUID } from 'node:crypto';
import { CommonErrors } from '@signet/contracts/common';
import { redisOptions } from '@signet/config';
import { Redis } from 'ioredis';
import { AUTH_FAILURE_LIMIT, AuthThrottle } from '../src/auth/auth-throttle.js';

describe('AuthThrottle (real Redis)', () => {
  let redis: Redis;
  let throttle: AuthThrottle;

  beforeAll(async () => {
    // A producer connection has no offline queue: wait until it is connected.
    redis = new Redis(redisOptions(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 'producer'));
    await new Promise((resolve) => redis.once('ready', resolve));
    throttle = new AuthThrottle(redis, `signet-test-${randomUUID()}`);
  });
  afterAll(() => redis.quit());

  it(`lets ${AUTH_FAILURE_LIMIT} failures through, then refuses the address with a 429 whatever it presents`, async () => {
    const address = '203.0.113.9';
    for (let i = 0; i < AUTH_FAILURE_LIMIT; i++) {
      await expect(throttle.assertAllowed(address)).resolves.toBeUndefined();
      await throttle.failed(address, 'MAWRONGWRONGWRONG000');
    }
    // Retry-After: the first failure leaves the window in a minute (less the time the loop took).
    const refusal = throttle.assertAllowed(address);
    await expect(refusal).rejects.toMatchObject({ code: CommonErrors.RATE_LIMITED, message: expect.stringMatching(/try again in \d+ s/) });
    const retryAfter = await refusal.catch((err: { retryAfterSeconds: number }) => err.retryAfterSeconds);
    expect(retryAfter).toBeGreaterThanOrEqual(55);
    expect(retryAfter).toBeLessThanOrEqual(60);
    await expect(throttle.assertAllowed('203.0.113.10')).resolves.toBeUndefined();
  });

  it('fails open, quickly, when its Redis is down', async () => {
    const down = new Redis({ ...redisOptions('redis://127.0.0.1:1', 'producer'), lazyConnect: true, retryStrategy: () => null });
    down.on('error', () => undefined);
    const started = Date.now();
    await expect(new AuthThrottle(down, 'x').assertAllowed('203.0.113.11')).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
    down.disconnect();
  });
});
