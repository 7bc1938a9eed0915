import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern } from '@nestjs/microservices';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { IdentitySubjects } from '@signet/contracts/identity';
import { z } from 'zod';
import { consumeEventsWith } from './consume-events.js';
import { connectNats, probeNats } from './nats-connection.js';
import { natsSubject } from './namespace.js';
import { natsAuthorization, type NatsUserName } from './permissions.js';
import { RpcClient } from './rpc-client.js';
import { NamespacedServerNats, natsServerOptions } from './rpc-server.js';

// A nats-server of its own with the rendered authorization: the users and permissions deploy/nats ships.
const ns = 'permspec';
const passwords: Record<NatsUserName, string> = {
  gateway: 'gw-secret',
  identity: 'id-secret',
  verify: 'vf-secret',
  'sip-auth': 'sa-secret',
  'billing-alerts': 'ba-secret',
  'callback-dispatcher': 'cd-secret',
  'sip-proxy': 'sp-secret',
};
const ADMIN = IdentitySubjects.adminAccountCreate;
let answered = 0;

@Controller()
class AdminController {
  @MessagePattern(ADMIN)
  create(): { ok: boolean } {
    answered += 1;
    return { ok: true };
  }
}
@Module({ controllers: [AdminController] })
class AdminModule {}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

function as(user: NatsUserName, password = passwords[user]): void {
  process.env.NATS_USER = user;
  process.env.NATS_PASSWORD = password;
}

describe('NATS users and subject permissions (own nats-server)', () => {
  const saved = { ns: process.env.SIGNET_NAMESPACE, user: process.env.NATS_USER, pass: process.env.NATS_PASSWORD };
  const dir = mkdtempSync(join(tmpdir(), 'signet-nats-perm-'));
  let server: ChildProcess;
  let url: string;
  let identity: INestMicroservice;
  const conns: NatsConnection[] = [];
  const connect = async (user: NatsUserName) => {
    as(user);
    const nc = await connectNats(url, `perm-${user}`);
    conns.push(nc);
    return nc;
  };

  beforeAll(async () => {
    process.env.SIGNET_NAMESPACE = ns;
    const port = await freePort();
    url = `nats://127.0.0.1:${port}`;
    writeFileSync(join(dir, 'nats.conf'), `port: ${port}\njetstream { store_dir: ${JSON.stringify(dir)} }\n${natsAuthorization(ns, passwords)}`);
    server = spawn('/usr/sbin/nats-server', ['-c', join(dir, 'nats.conf')], { stdio: 'ignore' });
    as('identity');
    for (let i = 0; ; i++) {
      try {
        await probeNats(url);
        break;
      } catch (err) {
        if (i > 50) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    identity = await NestFactory.createMicroservice(AdminModule, { strategy: new NamespacedServerNats(natsServerOptions('identity', url)), logger: false });
    await identity.listen();
  });
  afterAll(async () => {
    await Promise.all(conns.map((c) => c.close()));
    await identity?.close();
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
    Object.assign(process.env, { SIGNET_NAMESPACE: saved.ns ?? '', NATS_USER: saved.user ?? '', NATS_PASSWORD: saved.pass ?? '' });
  });

  it("the gateway's credentials call an admin subject, answered by identity", async () => {
    const gw = await connect('gateway');
    await expect(new RpcClient(gw, 2000).request(ADMIN, {})).resolves.toEqual({ ok: true });
    expect(answered).toBe(1);
  });

  it("another service's credentials cannot call it: a permissions violation, identity never hears it", async () => {
    for (const user of ['verify', 'callback-dispatcher', 'sip-proxy'] as const) {
      const nc = await connect(user);
      await expect(nc.request(natsSubject(ADMIN), JSON.stringify({ pattern: ADMIN, data: {}, id: user }), { timeout: 2000 })).rejects.toMatchObject({
        cause: { name: 'PermissionViolationError', operation: 'publish', subject: `${ns}.${ADMIN}` },
      });
      await expect(new RpcClient(nc, 2000).request(ADMIN, {})).rejects.toMatchObject({ message: expect.stringContaining('permissions violation') });
    }
    expect(answered).toBe(1);
  });

  it("only identity may subscribe to identity's subjects", async () => {
    const nc = await connect('verify');
    const sub = nc.subscribe(`${ns}.identity.>`);
    await expect(sub.closed).resolves.toMatchObject({ name: 'PermissionViolationError', operation: 'subscription' });
  });

  it('verify publishes its events to the stream and callback-dispatcher consumes them; the gateway cannot publish one', async () => {
    const subject = 'events.verify.permspec.happened.v1';
    const seen: unknown[] = [];
    const consumer = await consumeEventsWith(
      await connect('callback-dispatcher'),
      'permspec',
      { [subject]: z.object({ n: z.number() }) },
      [subject],
      async (e) => {
        seen.push(e.data);
      },
    );
    const event = (n: number) => JSON.stringify({ id: randomUUID(), type: subject, occurred_at: new Date().toISOString(), data: { n } });
    await jetstream(await connect('verify')).publish(natsSubject(subject), event(1));
    await expect(jetstream(await connect('gateway')).publish(natsSubject(subject), event(2), { timeout: 1000 })).rejects.toThrow();
    for (let i = 0; i < 50 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    await consumer.stop();
    expect(seen).toEqual([{ n: 1 }]);
  });

  it('a wrong password is refused at connect', async () => {
    as('gateway', 'not-the-password');
    await expect(probeNats(url)).rejects.toMatchObject({ message: expect.stringMatching(/authorization/i) });
  });
});
