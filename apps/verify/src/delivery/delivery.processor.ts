import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DeliveryProvider } from '@signet/providers';
import { Keyring } from '@signet/secrets';
import { UnrecoverableError, type Job } from 'bullmq';
import { EventsRelay } from '@signet/outbox';
import { openOtp } from '../otp/otp.js';
import { DeliveryRepository } from './delivery.repository.js';
import type { DeliveryJob } from './delivery.queue.js';
import { messageText } from './message-text.js';

export const DELIVERY_PROVIDER = Symbol('DELIVERY_PROVIDER');

/** The status an accepted attempt has while in flight, per channel (Plivo's callback vocabulary). */
const ACCEPTED = { sms: 'sent', voice: 'in-progress' } as const;

/**
 * Delivers one attempt: the job carries only the attempt id; the code is unsealed here, handed to the provider and
 * never logged. queued → sent (voice: in-progress) → the provider's final status when it already knows it.
 */
@Injectable()
export class DeliveryProcessor {
  private readonly logger = new Logger('Delivery');

  constructor(
    private readonly attempts: DeliveryRepository,
    private readonly relay: EventsRelay,
    @Inject(Keyring) private readonly ring: Keyring,
    @Inject(DELIVERY_PROVIDER) private readonly provider: DeliveryProvider,
  ) {}

  async deliver(job: Job<DeliveryJob>): Promise<void> {
    const row = await this.attempts.load(job.data.attempt_uuid);
    if (!row) throw new UnrecoverableError(`attempt ${job.data.attempt_uuid} does not exist`);
    if (row.attempt_status !== 'queued') return; // delivered by an earlier run of this job
    if (row.session_status !== 'in-progress' || !row.otp_sealed) {
      await this.attempts.setStatus(row.attempt_uuid, { status: 'failed', from: ['queued'], errorCode: 'SESSION_ENDED' });
      this.relay.kick();
      return;
    }
    const code = openOtp(this.ring, row.otp_sealed);
    const message = {
      attemptId: row.attempt_uuid,
      sessionId: row.session_uuid,
      accountId: row.account_id,
      mainAccountId: row.main_account_id,
      to: `+${row.recipient}`,
      channel: row.channel,
      text: messageText(row.template, row.brand_name, code, row.channel, row.app_hash),
    };
    const sent = row.channel === 'voice' ? await this.provider.placeVoiceCall(message) : await this.provider.sendSms(message);
    const accepted = ACCEPTED[row.channel];
    // A provider that already knows the outcome moves the attempt through `accepted` to it in one statement.
    const change = sent.finalStatus ? { status: sent.finalStatus, via: [accepted] } : { status: accepted };
    await this.attempts.setStatus(row.attempt_uuid, { ...change, from: ['queued'], provider: this.provider.name, providerRef: sent.providerRef });
    this.relay.kick();
    this.logger.debug?.(`attempt ${row.attempt_uuid} handed to ${this.provider.name}`);
  }
}
