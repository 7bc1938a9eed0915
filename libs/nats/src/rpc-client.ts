import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { headers as natsHeaders, PermissionViolationError, type NatsConnection } from '@nats-io/transport-node';
import { API_ID_HEADER, CommonErrors, isRpcError } from '@signet/contracts/common';
import { Rpc, type RpcRequest, type RpcResponse, type RpcSubject } from '@signet/contracts/catalog';
import { DomainError } from '@signet/errors';
import { histogram } from '@signet/metrics';
import { inSpan, injectTrace, SpanKind } from '@signet/tracing';
import { natsSubject } from './namespace.js';
import { natsHeaderSetter } from './trace-headers.js';

/** outcome: `ok`, `error` (the service answered with a coded error) or `unavailable` (no answer: timeout, no responders). */
const requestSeconds = histogram('signet_nats_request_seconds', 'NATS request/reply latency by contract subject and outcome.', ['subject', 'outcome']);

interface NestReply {
  err?: unknown;
  response?: unknown;
}

export interface RpcClientOptions {
  /**
   * Parse every reply with its subject's response schema; a reply that does not match is an INTERNAL error
   * naming the subject. On by default outside production (development and tests), where a drifting producer
   * must fail loudly; production trusts the contract and skips the cost.
   */
  checkReplies?: boolean;
}

/**
 * Request/reply to a service's `@MessagePattern` handlers. It speaks the wire format of Nest's NATS transport
 * ({pattern, data, id} → {err | response}) but uses nats.js `request` directly: a call to a service with no
 * live replica fails at once with "no responders" instead of waiting out a timeout, so the gateway answers a
 * fast 503. Every call has a timeout.
 */
export class RpcClient {
  private readonly logger = new Logger('RpcClient');
  private readonly checkReplies: boolean;

  constructor(
    private readonly nc: NatsConnection,
    private readonly timeoutMs: number,
    options: RpcClientOptions = {},
  ) {
    this.checkReplies = options.checkReplies ?? process.env.NODE_ENV !== 'production';
  }

  get connection(): NatsConnection {
    return this.nc;
  }

  /** Sends `message` on `subject`; both types come from the contract map (`Rpc` in @signet/contracts/catalog). */
  async call<S extends RpcSubject>(subject: S, message: RpcRequest<S>, apiId?: string, timeoutMs = this.timeoutMs): Promise<RpcResponse<S>> {
    const reply = await this.request(subject, message, apiId, timeoutMs);
    if (this.checkReplies) {
      const parsed = Rpc[subject].response.safeParse(reply);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        this.logger.error(`${apiId ?? '-'} reply on ${subject} breaks its contract: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
        throw new DomainError(CommonErrors.INTERNAL, 'internal error');
      }
    }
    // The reply as sent, not the parsed copy: development answers exactly what production does.
    return reply as RpcResponse<S>;
  }

  /** The untyped transport under `call`: the reply's `response`, or the coded error it carries. */
  request(subject: string, data: unknown, apiId?: string, timeoutMs = this.timeoutMs): Promise<unknown> {
    // A client span; its context travels in the message's headers to the handler's span (NamespacedServerNats).
    return inSpan(`${subject} request`, { kind: SpanKind.CLIENT, attributes: { 'messaging.system': 'nats', 'messaging.destination.name': subject } }, () =>
      this.send(subject, data, apiId, timeoutMs),
    );
  }

  private async send(subject: string, data: unknown, apiId: string | undefined, timeoutMs: number): Promise<unknown> {
    const h = natsHeaders();
    if (apiId) h.set(API_ID_HEADER, apiId);
    injectTrace(h, natsHeaderSetter);
    const payload = JSON.stringify({ pattern: subject, data, id: randomUUID() });
    let reply: NestReply;
    const done = requestSeconds.startTimer({ subject });
    try {
      const msg = await this.nc.request(natsSubject(subject), payload, { timeout: timeoutMs, headers: h });
      reply = msg.json<NestReply>();
    } catch (err) {
      done({ outcome: 'unavailable' });
      // A refused publish is a deployment fault (this process's NATS user lacks the subject): say so in the log.
      const refused = (err as Error).cause instanceof PermissionViolationError ? ` (NATS refused it: permissions violation for ${subject})` : '';
      throw new DomainError(CommonErrors.SERVICE_UNAVAILABLE, `service unavailable: ${subject.split('.')[0]} did not answer${refused}`);
    }
    done({ outcome: reply.err !== undefined && reply.err !== null ? 'error' : 'ok' });
    if (reply.err !== undefined && reply.err !== null) {
      if (isRpcError(reply.err)) throw new DomainError(reply.err.code, reply.err.message);
      throw new DomainError(CommonErrors.INTERNAL, 'internal error');
    }
    return reply.response;
  }
}
