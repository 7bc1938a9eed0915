import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CallbacksQueue } from '../callbacks.queue.js';
import { CallbacksRepository } from '../callbacks.repository.js';
import { CALLBACKS_CONFIG, type CallbacksConfig } from '../config/callbacks.config.js';

const BATCH = 1000;

/**
 * The database says what is due; Redis only holds the jobs. A pending callback whose try is long overdue has no
 * live job (Redis restarted without it, the consumer could not add it, a job failed on our side): re-add it, or
 * retry its failed job. A job that still exists (waiting, delayed, active) is left alone.
 */
@Injectable()
export class Sweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CallbacksSweeper');
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly callbacks: CallbacksRepository,
    private readonly queue: CallbacksQueue,
    @Inject(CALLBACKS_CONFIG) private readonly config: CallbacksConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.sweep().catch((err: Error) => this.logger.warn(`sweep failed: ${err.message}`)),
      this.config.CALLBACKS_SWEEP_INTERVAL_MS,
    );
  }

  /** How many jobs were re-added. */
  async sweep(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      let readded = 0;
      for (const uuid of await this.callbacks.overdue(this.config.CALLBACKS_STALE_MS, BATCH)) {
        const job = await this.queue.queue.getJob(uuid);
        if (!job) {
          await this.queue.queue.add('send', { callback_uuid: uuid }, { jobId: uuid });
          readded++;
        } else if (await job.isFailed()) {
          await job.retry('failed');
          readded++;
        } else if (await job.isCompleted()) {
          await job.remove();
          await this.queue.queue.add('send', { callback_uuid: uuid }, { jobId: uuid });
          readded++;
        }
      }
      if (readded > 0) this.logger.log(`re-added ${readded} callback job(s)`);
      return readded;
    } finally {
      this.running = false;
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
