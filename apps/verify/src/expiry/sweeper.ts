import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventsRelay } from '@signet/outbox';
import { AttemptErrorCodes } from '@signet/contracts/verify';
import { VERIFY_CONFIG, type VerifyConfig } from '../config/verify.config.js';
import { DeliveryQueue } from '../delivery/delivery.queue.js';
import { DeliveryRepository } from '../delivery/delivery.repository.js';
import { SessionsRepository } from '../sessions/sessions.repository.js';
import { sessionsExpired } from '../verify.metrics.js';

/**
 * The safety net under the queues, every second: expires overdue sessions whose delayed job was lost or late,
 * and re-enqueues attempts whose delivery job never reached Redis. An attempt whose job already failed for good
 * (its final-failure path did not commit: the worker died, Postgres blinked) is ended `failed` here instead, never
 * re-added; ended attempts are not `queued`, so they are never picked up. Safe to run in every worker replica.
 */
@Injectable()
export class Sweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Sweeper');
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly attempts: DeliveryRepository,
    private readonly delivery: DeliveryQueue,
    private readonly relay: EventsRelay,
    @Inject(VERIFY_CONFIG) private readonly config: VerifyConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.VERIFY_SWEEP_INTERVAL_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const expired = await this.sessions.expire(null);
      sessionsExpired.inc(expired.length);
      if (expired.length > 0) this.relay.kick();
      for (const attempt of await this.attempts.strandedAttempts(30)) await this.resume(attempt);
    } catch (err) {
      this.logger.warn(`sweep failed: ${(err as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  private async resume(attemptUuid: string): Promise<void> {
    const failed = await this.delivery.finalFailure(attemptUuid);
    if (failed === undefined) return this.delivery.enqueue(attemptUuid);
    const code =
      failed.startsWith(AttemptErrorCodes.ALL_SENDERS_REFUSED) || failed.includes('ProviderApiError')
        ? AttemptErrorCodes.ALL_SENDERS_REFUSED
        : AttemptErrorCodes.DELIVERY_ERROR;
    if (await this.attempts.setStatus(attemptUuid, { status: 'failed', from: ['queued'], errorCode: code })) this.relay.kick();
  }
}
