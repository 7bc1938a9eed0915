import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { AttemptErrorCodes } from '@signet/contracts/verify';
import { FakeTwilio, eventually } from '@signet/testing';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { attemptState, queuedAttempt, triesOf } from './support/delivery-fixture.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

// The real worker process (dist/, as deployed) killed with SIGKILL after the vendor accepted the message and before
// it could commit: the job is taken over by another worker, which must not send a second message.
describe('a worker killed mid-send', () => {
  const prefix = `signet-test-crash-${randomUUID().slice(0, 8)}`;
  const twilio = new FakeTwilio();
  let ds: DataSource;
  let queue: Queue;
  const workers: ChildProcess[] = [];

  const startWorker = (creds: object): ChildProcess => {
    const child = spawn(process.execPath, [`${root}/dist/apps/verify/src/main.worker.js`], {
      env: {
        ...process.env,
        REDIS_PREFIX: prefix,
        VERIFY_SWEEP_INTERVAL_MS: '60000',
        SIGNET_TWILIO_API_URL: twilio.url,
        SIGNET_PLATFORM_SENDER: JSON.stringify({ provider: 'twilio', credentials: creds, numbers: [{ number: '+14155550101' }] }),
        VERIFY_PROVIDER_TIMEOUT_MS: '8000',
      },
      stdio: 'ignore',
    });
    workers.push(child);
    return child;
  };

  beforeAll(async () => {
    ds = await new DataSource({ type: 'postgres', url: process.env.DATABASE_URL }).initialize();
    await twilio.start();
    queue = new Queue('verify.otp-delivery', { connection: { host: '127.0.0.1', port: 6379 }, prefix });
  });
  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await queue.obliterate({ force: true });
    await queue.close();
    await twilio.stop();
    await ds.destroy();
  });

  it('sends once: the next run finds the claim and ends the attempt DELIVERY_UNCONFIRMED', async () => {
    const creds = twilio.addAccount([{ phone_number: '+14155550101', sms: true, voice: true }]);
    twilio.replyDelayMs = 20_000; // accepted at once, the answer never gets back in time
    const first = startWorker(creds);
    const { attempt } = await queuedAttempt(ds);
    await queue.add('deliver', { attempt_uuid: attempt }, { jobId: attempt, attempts: 5, backoff: { type: 'fixed', delay: 100 } });
    await eventually(async () => twilio.sends.length === 1, 15_000);
    expect((await triesOf(ds, attempt)).map((t) => t.outcome)).toEqual(['sending']);
    first.kill('SIGKILL');
    twilio.replyDelayMs = 0;

    startWorker(creds); // takes the stalled job over once its lock lapses
    await eventually(async () => (await attemptState(ds, attempt)).status !== 'queued', 40_000);
    expect(await attemptState(ds, attempt)).toMatchObject({ status: 'failed', error_code: AttemptErrorCodes.DELIVERY_UNCONFIRMED, provider: 'twilio' });
    expect((await triesOf(ds, attempt)).map((t) => t.outcome)).toEqual(['unconfirmed']);
    expect(twilio.sends).toHaveLength(1);
  }, 70_000);
});
