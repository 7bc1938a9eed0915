import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CallbackErrors,
  type CallbackListResult,
  type CallbackRetryFailedResult,
  type CallbackRetryResult,
  CallbackSubjects,
  parseTime,
} from '@signet/contracts/callbacks';
import { CommonErrors, isUuid } from '@signet/contracts/common';
import { DomainError } from '@signet/errors';
import { rpcRequest } from '@signet/nats';
import { CallbacksQueue } from '../callbacks.queue.js';
import { CallbacksRepository } from '../callbacks.repository.js';

const notFound = (): DomainError => new DomainError(CallbackErrors.CALLBACK_NOT_FOUND, 'callback not found');
const redisDown = (): DomainError => new DomainError(CommonErrors.SERVICE_UNAVAILABLE, 'service unavailable: the callback queue is down, try again later');

/** The delivery log and replay (Plivo documents neither): the caller sees only what its account owns. */
@Controller()
export class CallbacksRpcController {
  constructor(
    private readonly callbacks: CallbacksRepository,
    private readonly queue: CallbacksQueue,
  ) {}

  @MessagePattern(CallbackSubjects.list)
  async list(@Payload() data: unknown): Promise<CallbackListResult> {
    const { caller, session_uuid } = rpcRequest(CallbackSubjects.list, data);
    if (!isUuid(session_uuid)) return { callbacks: [] };
    return { callbacks: await this.callbacks.listForSession(caller, session_uuid) };
  }

  @MessagePattern(CallbackSubjects.retry)
  async retry(@Payload() data: unknown): Promise<CallbackRetryResult> {
    const { caller, callback_uuid } = rpcRequest(CallbackSubjects.retry, data);
    if (!isUuid(callback_uuid)) throw notFound();
    const n = await this.callbacks.countReplay(caller, callback_uuid);
    if (n === undefined) throw notFound();
    await this.queue.replay(callback_uuid, n).catch(() => {
      throw redisDown();
    });
    return { message: 'callback queued for retry', callback_uuid };
  }

  @MessagePattern(CallbackSubjects.retryFailed)
  async retryFailed(@Payload() data: unknown): Promise<CallbackRetryFailedResult> {
    const { caller, body } = rpcRequest(CallbackSubjects.retryFailed, data);
    const items = await this.callbacks.countFailedReplays(caller, new Date(parseTime(body.from)), new Date(parseTime(body.to)));
    await this.queue.replayMany(items).catch(() => {
      throw redisDown();
    });
    return { message: `${items.length} failed callback(s) queued for retry`, count: items.length };
  }
}
