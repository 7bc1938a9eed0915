import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { EventsRelay } from '@signet/outbox';
import { SessionsRepository } from '../sessions/sessions.repository.js';
import type { ExpiryJob } from './expiry.queue.js';

@Injectable()
export class ExpiryProcessor {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly relay: EventsRelay,
  ) {}

  /** Idempotent: a session already verified or expired is left alone. */
  async expire(job: Job<ExpiryJob>): Promise<void> {
    if ((await this.sessions.expire([job.data.session_uuid])).length > 0) this.relay.kick();
  }
}
