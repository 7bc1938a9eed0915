import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { z } from 'zod';
import { type EventEnvelope, eventSubject } from '@signet/contracts/common';
import { eventually } from '@signet/testing';
import { connectNats, consumeEventsWith, durableName, eventsStream, natsSubject, retryDelayMs } from './index.js';

describe('consumeEvents (real JetStream)', () => {
  let nc: NatsConnection;
  const consumer = `nats-test-${randomUUID().slice(0, 8)}`;
  const subject = eventSubject('test', randomUUID().slice(0, 8), 'happened');
  const schemas = { [subject]: z.object({ n: z.number() }) };
  const errors: string[] = [];
  const logger = { error: (m: string) => void errors.push(m), warn: () => undefined };
  const envelope = (data: unknown, type: string = subject) => ({ id: randomUUID(), type, occurred_at: new Date().toISOString(), data });

  const settled = async () => {
    await new Promise((r) => setTimeout(r, 300));
    return (await jetstreamManager(nc)).consumers.info(eventsStream().name, durableName(consumer, subject));
  };

  beforeAll(async () => {
    nc = await connectNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', 'consume-events-test');
  });
  afterAll(async () => {
    await (await jetstreamManager(nc)).consumers.delete(eventsStream().name, durableName(consumer, subject)).catch(() => undefined);
    await nc.drain();
  });

  it('acknowledges only after the handler succeeds and redelivers a failure', async () => {
    const calls: string[] = [];
    let failOnce = true;
    const events = await consumeEventsWith(
      nc,
      consumer,
      schemas,
      [subject],
      async (event) => {
        calls.push(event.id);
        if (failOnce) {
          failOnce = false;
          throw new Error('database down');
        }
      },
      { logger },
    );
    const event = envelope({ n: 1 });
    await jetstream(nc).publish(natsSubject(subject), JSON.stringify(event), { msgID: event.id });

    await eventually(async () => calls.length >= 2);
    expect(calls).toEqual([event.id, event.id]);
    const info = await settled();
    expect(info.num_ack_pending).toBe(0);
    expect(info.num_pending).toBe(0);
    await events.stop();
  });

  it('parks what does not parse with its schema (logged with subject and seq): the handler never sees it, nothing is redelivered', async () => {
    const seen: EventEnvelope<{ n: number }>[] = [];
    const events = await consumeEventsWith(nc, consumer, schemas, [subject], async (event) => void seen.push(event), { logger });
    const js = jetstream(nc);
    const bad = [envelope({ n: 'one' }), envelope({ n: 2 }, 'events.other.thing.happened.v1'), { ...envelope({ n: 3 }), id: 'not-a-uuid' }];
    const acks = [await js.publish(natsSubject(subject), 'not json', { msgID: randomUUID() })];
    for (const e of bad) acks.push(await js.publish(natsSubject(subject), JSON.stringify(e), { msgID: e.id }));
    const good = envelope({ n: 4 });
    await js.publish(natsSubject(subject), JSON.stringify(good), { msgID: good.id });

    await eventually(async () => seen.length > 0);
    expect(seen.map((e) => e.id)).toEqual([good.id]);
    expect(seen[0].data).toEqual({ n: 4 });
    await eventually(async () => errors.length >= 4);
    expect(errors).toHaveLength(4);
    acks.forEach((ack, i) => expect(errors[i]).toContain(`parking malformed event on ${subject} (stream seq ${ack.seq})`));
    expect(errors[1]).toContain('data.n');
    const info = await settled();
    expect(info.num_ack_pending).toBe(0);
    expect(info.num_pending).toBe(0);
    expect(info.num_redelivered).toBe(0);
    expect(seen).toHaveLength(1);
    await events.stop();
  });

  it('names one durable per subject and backs off growing, capped at a minute', () => {
    expect(durableName('verify', 'events.identity.account.closed.v1')).toBe('verify_identity-account-closed-v1');
    expect([1, 2, 3].map(retryDelayMs)).toEqual([500, 1000, 2000]);
    expect(retryDelayMs(50)).toBe(60_000);
  });
});
