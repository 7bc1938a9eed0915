import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { CommonErrors } from '@signet/contracts/common';
import { VerifyErrors } from '@signet/contracts/verify';
import { DomainError } from '@signet/errors';
import { EventsRelay } from '@signet/outbox';
import type { Job } from 'bullmq';
import { GeoPermissionsService } from '../abuse/geo-permissions.service.js';
import { BillingClient } from '../billing/billing.client.js';
import { DeliveryQueue } from '../delivery/delivery.queue.js';
import { chargeThenRecord } from '../sessions/charge-then-record.js';
import type { WorkflowJob } from './workflow.queue.js';
import { WorkflowQueue } from './workflow.queue.js';
import { WorkflowRepository } from './workflow.repository.js';

/** Codes that mean "not now" (a service down or broken), not "never": the job is retried. */
const RETRIED = new Set<string>([CommonErrors.SERVICE_UNAVAILABLE, CommonErrors.INTERNAL]);

const notAdded = (): DomainError => new DomainError(VerifyErrors.ATTEMPTS_EXHAUSTED, 'the session no longer takes this workflow attempt');

/**
 * A due workflow step: while the session is open, unverified and still at the attempt the step follows, the next
 * step's attempt is added exactly like a repeat create adds one (charged first, same code, counted against the
 * app's cap, its `queued` event and callbacks), then queued for delivery, and the step after it scheduled.
 */
@Injectable()
export class WorkflowProcessor {
  private readonly logger = new Logger('Workflow');

  constructor(
    private readonly sessions: WorkflowRepository,
    private readonly billing: BillingClient,
    private readonly relay: EventsRelay,
    private readonly delivery: DeliveryQueue,
    private readonly workflow: WorkflowQueue,
    private readonly geo: GeoPermissionsService,
  ) {}

  async next(job: Job<WorkflowJob>): Promise<void> {
    const { session_uuid, after_sequence, api_id } = job.data;
    const s = await this.sessions.load(session_uuid);
    // Verified, expired, out of attempts, or an attempt was asked for since (its own schedule takes over): stop.
    if (!s || !s.open || s.count !== after_sequence || s.count >= s.max_attempts || !s.country_iso2) return;
    const step = s.workflow?.[after_sequence];
    if (!step) return;
    if (!(step.channel === 'sms' ? s.sms_channel : s.voice_channel)) {
      this.logger.warn(`session ${session_uuid}: workflow step ${after_sequence + 1} skipped, the ${step.channel} channel is disabled`);
      return;
    }
    const attemptUuid = randomUUID();
    const caller = { auth_id: s.account_id, main_auth_id: s.main_account_id, is_subaccount: s.account_id !== s.main_account_id };
    const charge = { caller, attempt_uuid: attemptUuid, country_iso: s.country_iso2, channel: step.channel };
    try {
      // The step may change channel: its country must be allowed for that channel too (a refusal is counted, the step dropped).
      await this.geo.assertAllowed(caller, s.app_uuid, step.channel, s.country_iso2);
      await chargeThenRecord(
        this.billing,
        this.relay,
        charge,
        async () => {
          if (!(await this.sessions.addAttempt(session_uuid, attemptUuid, step.channel, after_sequence))) throw notAdded();
        },
        api_id,
      );
    } catch (err) {
      // A domain refusal (no credit, geo, the session ended meanwhile) ends the workflow; anything else is retried.
      if (!(err instanceof DomainError) || RETRIED.has(err.code)) throw err;
      this.logger.log(`session ${session_uuid}: workflow step ${after_sequence + 1} not added (${err.code})`);
      return;
    }
    await Promise.all([this.delivery.enqueue(attemptUuid, api_id), this.workflow.afterAttempt(session_uuid, after_sequence + 1, s.workflow, api_id)]);
  }

  /** Retries used (billing or the database stayed down): the step is dropped; the session goes on as asked for. */
  async exhausted(job: Job<WorkflowJob>, err: Error): Promise<void> {
    this.logger.warn(`session ${job.data.session_uuid}: workflow step ${job.data.after_sequence + 1} dropped after retries: ${err.message}`);
  }
}
