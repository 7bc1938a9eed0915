import { Inject, Injectable } from '@nestjs/common';
import { CallbackQueues } from '@signet/contracts/callbacks';
import { KEEP_JOBS, QueueProducer, type QueueSpec } from '@signet/queue';
import { CALLBACKS_CONFIG, type CallbacksConfig } from './config/callbacks.config.js';

/**
 * The schedule is not BullMQ's: the processor records each try and moves its job to the delay the schedule says
 * (so attempts here only cover a processor crash on our side: database or identity down).
 */
export const callbacksSpec: QueueSpec<'send'> = {
  ...CallbackQueues.statusCallbacks,
  defaultJobOptions: { attempts: 10, backoff: { type: 'exponential', delay: 1000 }, ...KEEP_JOBS },
};

export interface SendJob {
  callback_uuid: string;
  /** A replay asked through the API: one extra try now, whatever the callback's state. */
  replay?: boolean;
}

@Injectable()
export class CallbacksQueue extends QueueProducer<'send'> {
  constructor(@Inject(CALLBACKS_CONFIG) config: CallbacksConfig) {
    super(callbacksSpec, { redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX });
  }

  /** Job id = event id = callback uuid: adding it twice runs it once. Redis down: left to the sweeper. */
  enqueue(callbackUuid: string): Promise<void> {
    const job: SendJob = { callback_uuid: callbackUuid };
    return this.addOrDefer('send', job, { jobId: callbackUuid });
  }

  /** A replay's job id carries its number, so it never collides with the callback's scheduled job. Throws when Redis is down. */
  async replay(callbackUuid: string, n: number): Promise<void> {
    const job: SendJob = { callback_uuid: callbackUuid, replay: true };
    await this.queue.add('send', job, { jobId: `${callbackUuid}-r${n}` });
  }

  async replayMany(items: { uuid: string; replays: number }[]): Promise<void> {
    for (let i = 0; i < items.length; i += 500) {
      const chunk = items.slice(i, i + 500);
      await this.queue.addBulk(
        chunk.map((c) => ({ name: 'send', data: { callback_uuid: c.uuid, replay: true } satisfies SendJob, opts: { jobId: `${c.uuid}-r${c.replays}` } })),
      );
    }
  }
}
