import { CommonErrors } from '@signet/contracts/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { connectNats } from './nats-connection.js';
import { natsSubject } from './namespace.js';
import { RpcClient } from './rpc-client.js';

describe('RpcClient against a real NATS', () => {
  let nc: NatsConnection;
  beforeAll(async () => {
    nc = await connectNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', 'rpc-spec');
  });
  afterAll(() => nc.drain());

  it('answers SERVICE_UNAVAILABLE at once when no replica listens, not after the timeout', async () => {
    const rpc = new RpcClient(nc, 5000);
    const started = Date.now();
    await expect(rpc.request('nobody.listens.here', {})).rejects.toMatchObject({ code: CommonErrors.SERVICE_UNAVAILABLE });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('times out a replica that never answers', async () => {
    const sub = nc.subscribe(natsSubject('slow.service.call'), { callback: () => undefined });
    const rpc = new RpcClient(nc, 200);
    await expect(rpc.request('slow.service.call', {})).rejects.toMatchObject({ code: CommonErrors.SERVICE_UNAVAILABLE });
    sub.unsubscribe();
  });

  describe('reply contracts', () => {
    // A stand-in replica on a real subject, under its own queue group, answering what the test says.
    const subject = 'billing-alerts.health.check';
    const answering = (response: unknown) =>
      nc.subscribe(natsSubject(subject), {
        queue: `rpc-spec-${Math.random()}`,
        callback: (_e, m) => void m.respond(JSON.stringify({ response, isDisposed: true })),
      });
    const report = { service: 'billing-alerts', status: 'ok', checks: { postgres: 'ok' } };

    it('returns a reply that matches its schema, as sent', async () => {
      const sub = answering(report);
      await expect(new RpcClient(nc, 1000, { checkReplies: true }).call(subject, {})).resolves.toEqual(report);
      sub.unsubscribe();
    });

    it('fails a reply that breaks its schema outside production, and passes it through when checks are off', async () => {
      const drifted = { ...report, status: 'fine', extra: 1 };
      const sub = answering(drifted);
      await expect(new RpcClient(nc, 1000, { checkReplies: true }).call(subject, {})).rejects.toMatchObject({ code: CommonErrors.INTERNAL });
      await expect(new RpcClient(nc, 1000, { checkReplies: false }).call(subject, {})).resolves.toEqual(drifted);
      sub.unsubscribe();
    });

    it('checks replies unless NODE_ENV is production', async () => {
      const sub = answering({ ...report, extra: 1 });
      const env = process.env.NODE_ENV;
      try {
        process.env.NODE_ENV = 'test';
        await expect(new RpcClient(nc, 1000).call(subject, {})).rejects.toMatchObject({ code: CommonErrors.INTERNAL });
        process.env.NODE_ENV = 'production';
        await expect(new RpcClient(nc, 1000).call(subject, {})).resolves.toMatchObject({ extra: 1 });
      } finally {
        process.env.NODE_ENV = env;
        sub.unsubscribe();
      }
    });
  });

  it('turns a coded error reply into a DomainError with that code', async () => {
    const sub = nc.subscribe(natsSubject('coded.error.call'), {
      callback: (_e, m) => void m.respond(JSON.stringify({ err: { code: 'X_CODE', message: 'nope' }, isDisposed: true })),
    });
    await expect(new RpcClient(nc, 1000).request('coded.error.call', {})).rejects.toMatchObject({ code: 'X_CODE', message: 'nope' });
    sub.unsubscribe();
  });
});
