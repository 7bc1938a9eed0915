import { CommonErrors } from '@signet/contracts/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { connectNats } from './nats-connection.js';
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
    const sub = nc.subscribe('slow.service.call', { callback: () => undefined });
    const rpc = new RpcClient(nc, 200);
    await expect(rpc.request('slow.service.call', {})).rejects.toMatchObject({ code: CommonErrors.SERVICE_UNAVAILABLE });
    sub.unsubscribe();
  });

  it('turns a coded error reply into a DomainError with that code', async () => {
    const sub = nc.subscribe('coded.error.call', { callback: (_e, m) => void m.respond(JSON.stringify({ err: { code: 'X_CODE', message: 'nope' }, isDisposed: true })) });
    await expect(new RpcClient(nc, 1000).request('coded.error.call', {})).rejects.toMatchObject({ code: 'X_CODE', message: 'nope' });
    sub.unsubscribe();
  });
});
