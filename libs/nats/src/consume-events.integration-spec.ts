import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { EVENTS_STREAM, type EventEnvelope, eventSubject } from '@signet/contracts/common';
import { connectNats, consumeEvents, durableName, retryDelayMs } from './index.js';

const waitUntil = async (ok: () => boolean, timeoutMs = 5000) => {
  const until = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('consumeEvents (real JetStream)', () => {
  let nc: NatsConnection;
  const consumer = `nats-test-${randomUUID().slice(0, 8)}`;
  const subject = eventSubject('test', randomUUID().slice(0, 8), 'happened');

  beforeAll(async () => {
    nc = await connectNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', 'consume-events-test');
  });
  afterAll(async () => {
    await (await jetstreamManager(nc)).consumers.delete(EVENTS_STREAM, durableName(consumer, subject)).catch(() => undefined);
    await nc.drain();
  });

  it('acknowledges only after the handler succeeds, redelivers a failure, and drops what cannot be parsed', async () => {
    const calls: string[] = [];
    let failOnce = true;
    const events = await consumeEvents(nc, consumer, [subject], async (event) => {
      calls.push(event.id);
      if (failOnce) {
        failOnce = false;
        throw new Error('database down');
      }
    });
    const js = jetstream(nc);
    await js.publish(subject, 'not json', { msgID: randomUUID() });
    const event: EventEnvelope = { id: randomUUID(), type: subject, occurred_at: new Date().toISOString(), data: { n: 1 } };
    await js.publish(subject, JSON.stringify(event), { msgID: event.id });

    await waitUntil(() => calls.length === 2);
    expect(calls).toEqual([event.id, event.id]);
    await new Promise((r) => setTimeout(r, 200));
    const info = await (await jetstreamManager(nc)).consumers.info(EVENTS_STREAM, durableName(consumer, subject));
    expect(info.num_ack_pending).toBe(0);
    expect(info.num_pending).toBe(0);
    await events.stop();
  });

  it('names one durable per subject and backs off growing, capped at a minute', () => {
    expect(durableName('verify', 'events.identity.account.closed.v1')).toBe('verify_identity-account-closed-v1');
    expect([1, 2, 3].map(retryDelayMs)).toEqual([500, 1000, 2000]);
    expect(retryDelayMs(50)).toBe(60_000);
  });
});
