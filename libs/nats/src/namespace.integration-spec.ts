import { randomUUID } from 'node:crypto';
import { Controller, type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { NatsConnection } from '@nats-io/transport-node';
import { CommonErrors } from '@signet/contracts/common';
import { connectNats } from './nats-connection.js';
import { NamespacedServerNats, natsServerOptions } from './rpc-server.js';
import { RpcClient } from './rpc-client.js';

// Two stacks on one NATS server in different namespaces: a service answers only its own namespace's callers.
const SUBJECT = 'nstest.thing.get';

@Controller()
class ThingController {
  @MessagePattern(SUBJECT)
  get(@Payload() data: { n: number }): { n: number; ns: string | undefined } {
    return { n: data.n + 1, ns: process.env.SIGNET_NAMESPACE };
  }
}

@Module({ controllers: [ThingController] })
class ThingModule {}

describe('namespaced NATS request/reply (real NATS)', () => {
  const url = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  const saved = process.env.SIGNET_NAMESPACE;
  const ns = `spec-${randomUUID().slice(0, 8)}`;
  let app: INestMicroservice;
  let nc: NatsConnection;

  beforeAll(async () => {
    process.env.SIGNET_NAMESPACE = ns;
    app = await NestFactory.createMicroservice(ThingModule, { strategy: new NamespacedServerNats(natsServerOptions('verify', url)), logger: false });
    await app.listen();
    nc = await connectNats(url, 'namespace-spec');
  });
  afterAll(async () => {
    process.env.SIGNET_NAMESPACE = saved;
    await app?.close();
    await nc?.drain();
  });

  it('serves its own namespace under the prefixed subject, in the prefixed queue group', async () => {
    await expect(new RpcClient(nc, 2000).request(SUBJECT, { n: 1 })).resolves.toEqual({ n: 2, ns });
    expect(natsServerOptions('verify', url).queue).toBe(`${ns}.verify`);
  });

  it('is deaf to the same subject in another namespace and to the bare contract subject', async () => {
    process.env.SIGNET_NAMESPACE = `${ns}-other`;
    await expect(new RpcClient(nc, 2000).request(SUBJECT, { n: 1 })).rejects.toMatchObject({ code: CommonErrors.SERVICE_UNAVAILABLE });
    process.env.SIGNET_NAMESPACE = '';
    await expect(new RpcClient(nc, 2000).request(SUBJECT, { n: 1 })).rejects.toMatchObject({ code: CommonErrors.SERVICE_UNAVAILABLE });
    process.env.SIGNET_NAMESPACE = ns;
  });
});
