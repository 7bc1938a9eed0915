import { randomUUID } from 'node:crypto';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { API_ID_HEADER, CommonErrors, isRpcError } from '@signet/contracts/common';
import { DomainError } from '@signet/errors';

interface NestReply<T> {
  err?: unknown;
  response?: T;
}

/**
 * Request/reply to a service's `@MessagePattern` handlers. It speaks the wire format of Nest's NATS transport
 * ({pattern, data, id} → {err | response}) but uses nats.js `request` directly: a call to a service with no
 * live replica fails at once with "no responders" instead of waiting out a timeout, so the gateway answers a
 * fast 503. Every call has a timeout.
 */
export class RpcClient {
  constructor(
    private readonly nc: NatsConnection,
    private readonly timeoutMs: number,
  ) {}

  get connection(): NatsConnection {
    return this.nc;
  }

  async request<T>(subject: string, data: unknown, apiId?: string, timeoutMs = this.timeoutMs): Promise<T> {
    const h = natsHeaders();
    if (apiId) h.set(API_ID_HEADER, apiId);
    const payload = JSON.stringify({ pattern: subject, data, id: randomUUID() });
    let reply: NestReply<T>;
    try {
      const msg = await this.nc.request(subject, payload, { timeout: timeoutMs, headers: h });
      reply = msg.json<NestReply<T>>();
    } catch (err) {
      throw new DomainError(CommonErrors.SERVICE_UNAVAILABLE, `service unavailable: ${subject.split('.')[0]} did not answer`);
    }
    if (reply.err !== undefined && reply.err !== null) {
      if (isRpcError(reply.err)) throw new DomainError(reply.err.code, reply.err.message);
      throw new DomainError(CommonErrors.INTERNAL, 'internal error');
    }
    return reply.response as T;
  }
}
