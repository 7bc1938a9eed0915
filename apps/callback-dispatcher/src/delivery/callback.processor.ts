import { Inject, Injectable, Logger } from '@nestjs/common';
import { IdentityErrors } from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';
import { counter, histogram } from '@signet/metrics';
import { DelayedError, type Job } from 'bullmq';
import type { SendJob } from '../callbacks.queue.js';
import { CallbacksRepository } from '../callbacks.repository.js';
import { CALLBACKS_CONFIG, type CallbacksConfig } from '../config/callbacks.config.js';
import { CallbackSender, type SendResult } from './callback-sender.js';
import { retryDelay } from './retry-schedule.js';
import { SigningTokensCache } from './signing-tokens.js';

/** Identity unreachable: try again soon, without spending a try of the schedule. */
const TOKENS_RETRY_MS = 5000;

export type Outcome = 'delivered' | 'gone' | 'retry' | 'failed';

/** The retry backlog itself is the queue's delayed jobs: signet_queue_jobs{queue="callback-dispatcher.status-callbacks",state="delayed"}. */
const tries = counter('signet_callbacks_tries_total', 'Callback sends by outcome: delivered, gone (410), retry (scheduled again), failed (for good).', [
  'outcome',
]);
const sendSeconds = histogram('signet_callback_send_seconds', 'Time to the customer endpoint’s answer (or timeout) for one callback send.');

/** 2xx delivers, 410 Gone stops for good; a timeout, a connection error or any other status is retried. */
export const outcomeOf = (r: SendResult): 'delivered' | 'gone' | 'again' =>
  r.http_status !== null && r.http_status >= 200 && r.http_status < 300 ? 'delivered' : r.http_status === 410 ? 'gone' : 'again';

@Injectable()
export class CallbackProcessor {
  private readonly logger = new Logger('CallbackProcessor');

  constructor(
    private readonly callbacks: CallbacksRepository,
    private readonly tokens: SigningTokensCache,
    private readonly sender: CallbackSender,
    @Inject(CALLBACKS_CONFIG) private readonly config: CallbacksConfig,
  ) {}

  async send(job: Job<SendJob>, token?: string): Promise<Outcome | 'skipped'> {
    const replay = job.data.replay === true;
    const cb = await this.callbacks.find(job.data.callback_uuid);
    if (!cb) return 'skipped'; // its account's data was deleted
    if (!replay && cb.status !== 'pending') return 'skipped'; // a duplicate job of a finished callback
    if (!replay && cb.next_try_at && cb.next_try_at.getTime() > Date.now() + 1000) return this.later(job, token, cb.next_try_at.getTime());
    let tokens;
    try {
      tokens = await this.tokens.get(cb.account_id);
    } catch (err) {
      if (err instanceof DomainError && err.code === IdentityErrors.ACCOUNT_NOT_FOUND) {
        const now = new Date();
        await this.callbacks.recordTry(
          cb.uuid,
          { started_at: now, latency_ms: 0, http_status: null, error: 'account closed: not sent', response: null },
          'failed',
          null,
          replay,
        );
        return 'failed';
      }
      return this.later(job, token, Date.now() + TOKENS_RETRY_MS);
    }
    const result = await this.sender.send(cb, tokens);
    sendSeconds.observe(result.latency_ms / 1000);
    const verdict = outcomeOf(result);
    if (verdict !== 'again' || replay) {
      const outcome = verdict === 'again' ? 'failed' : verdict;
      await this.callbacks.recordTry(cb.uuid, result, outcome, null, replay);
      tries.inc({ outcome });
      return outcome;
    }
    const delay = retryDelay(this.config.CALLBACKS_RETRY_SCHEDULE, cb.tries + 1);
    if (delay === undefined) {
      await this.callbacks.recordTry(cb.uuid, result, 'failed', null, false);
      this.logger.warn(`callback ${cb.uuid} failed after ${cb.tries + 1} tries: ${result.error ?? `HTTP ${result.http_status}`}`);
      tries.inc({ outcome: 'failed' });
      return 'failed';
    }
    const at = Date.now() + delay;
    await this.callbacks.recordTry(cb.uuid, result, 'retry', new Date(at), false);
    tries.inc({ outcome: 'retry' });
    return this.later(job, token, at);
  }

  /** Parks the job until `at` (BullMQ's delayed set): the job id stays the event id. */
  private async later(job: Job, token: string | undefined, at: number): Promise<never> {
    await job.moveToDelayed(at, token);
    throw new DelayedError();
  }
}
