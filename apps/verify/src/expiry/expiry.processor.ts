import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { EventsRelay } from '@signet/outbox';
import { SessionsRepository } from '../sessions/sessions.repository.js';
import type { ExpiryJob } from './expiry.queue.js';
import { sessionsExpired } from '../verify.metrics.js';

@Injectable()
export class ExpiryProcessor {
  private readonly logger = new Logger('Expiry');
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly relay: EventsRelay,
  ) {}

  /** Idempotent: a session already verified or expired is left alone. */
  async expire(job: Job<ExpiryJob>): Promise<void> {
    const expired = await this.sessions.expire([job.data.session_uuid]);
    sessionsExpired.inc(expired.length);
    if (expired.length > 0) this.relay.kick();
  }

  /** The final-failure path: nothing to end here — the sweeper expires every overdue session within a second. */
  async exhausted(job: Job<ExpiryJob>, err: Error): Promise<void> {
    this.logger.warn(`session ${job.data.session_uuid}: expiry job failed for good (${err.message}); the sweeper expires it`);
  }
}
