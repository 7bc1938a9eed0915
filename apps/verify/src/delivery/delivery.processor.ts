import { Inject, Injectable, Logger } from '@nestjs/common';
import { AttemptErrorCodes } from '@signet/contracts/verify';
import { ProviderApiError, type OutboundMessage } from '@signet/providers';
import { inSpan, SpanKind } from '@signet/tracing';
import { Keyring } from '@signet/secrets';
import { UnrecoverableError, type Job } from 'bullmq';
import { EventsRelay } from '@signet/outbox';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { VERIFY_CONFIG, type VerifyConfig } from '../config/verify.config.js';
import { openOtp } from '../otp/otp.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { DeliveryRepository, type DeliveryRow } from './delivery.repository.js';
import type { DeliveryJob } from './delivery.queue.js';
import { renderSms, renderVoice } from '../messages/render.js';
import { pickNumber } from './number-selection.js';
import { RouteResolver, type Route } from './routes.js';
import { attemptsFailed, circuitsOpened, deliverySeconds, fallbacks, providerErrors } from '../verify.metrics.js';

/** The status an accepted attempt has while in flight, per channel (Plivo's callback vocabulary). */
const ACCEPTED = { sms: 'sent', voice: 'in-progress' } as const;

/** No sender on the route took the attempt this run; the job retries, and its final failure names the code. */
export class AllSendersRefused extends Error {
  constructor(readonly reasons: string[]) {
    super(`${AttemptErrorCodes.ALL_SENDERS_REFUSED}: ${reasons.join('; ') || 'no sender'}`);
    this.name = 'AllSendersRefused';
  }
}

/**
 * Delivers one attempt: the job carries only the attempt id; the code is unsealed here, handed to a provider and
 * never logged. It walks the attempt's senders in order: a sender without a number serving the destination and
 * channel, or behind an open circuit, is skipped; any API error falls through to the next. Exactly one provider ever
 * gets the message: each call is preceded by a claim (a `sending` try, unique per attempt), and a later run that
 * finds a claim never calls again (accepted: it finishes the bookkeeping; still `sending`: the worker died mid-call,
 * the attempt ends DELIVERY_UNCONFIRMED). queued → sent (voice: in-progress) → the provider's final status if known.
 */
@Injectable()
export class DeliveryProcessor {
  private readonly logger = new Logger('Delivery');

  constructor(
    private readonly attempts: DeliveryRepository,
    private readonly relay: EventsRelay,
    private readonly routes: RouteResolver,
    private readonly breaker: CircuitBreaker,
    @Inject(Keyring) private readonly ring: Keyring,
    @Inject(VERIFY_CONFIG) private readonly config: VerifyConfig,
  ) {}

  async deliver(job: Job<DeliveryJob>): Promise<void> {
    const row = await this.attempts.load(job.data.attempt_uuid);
    if (!row) throw new UnrecoverableError(`attempt ${job.data.attempt_uuid} does not exist`);
    if (row.attempt_status !== 'queued') return; // delivered by an earlier run of this job
    const claim = await this.attempts.claimedTry(row.attempt_uuid);
    if (claim?.outcome === 'sending') {
      await this.attempts.unconfirmed(row.attempt_uuid, claim, AttemptErrorCodes.DELIVERY_UNCONFIRMED);
      this.relay.kick();
      return;
    }
    if (claim?.outcome === 'accepted') return; // the accepting statement also moved the attempt on
    if (row.session_status !== 'in-progress' || !row.otp_sealed) {
      await this.attempts.setStatus(row.attempt_uuid, { status: 'failed', from: ['queued'], errorCode: AttemptErrorCodes.SESSION_ENDED });
      this.relay.kick();
      return;
    }
    const code = openOtp(this.ring, row.otp_sealed);
    // Plivo fetches its call's XML from the answer_url, where receipts.service renders it (and asks for the key).
    const speech = row.channel === 'voice' ? renderVoice(row, code) : { text: renderSms(row, code), language: undefined };
    const country = row.country_iso2 ?? parsePhoneNumberFromString(`+${row.recipient}`)?.country ?? null;
    const reasons: string[] = [];
    for (const route of await this.routes.routesFor(row)) {
      const outcome = await this.tryRoute(route, row, speech, country, job.timestamp);
      if (outcome === 'done') return;
      reasons.push(outcome);
    }
    throw new AllSendersRefused(reasons);
  }

  /** One sender: 'done' when the attempt is taken care of (accepted here, or claimed by someone else), else why not. */
  private async tryRoute(
    route: Route,
    row: DeliveryRow,
    speech: { text: string; language?: string },
    country: string | null,
    enqueuedAt: number,
  ): Promise<'done' | string> {
    const name = route.provider.name;
    const number = route.numbers === 'any' ? undefined : pickNumber(route.numbers, country, row.channel);
    const start = { senderUuid: route.senderUuid, provider: name, fromNumber: number?.number ?? null };
    if (!route.channels.includes(row.channel) || (route.numbers !== 'any' && !number)) {
      await this.attempts.skipped(row.attempt_uuid, start, `no number serves ${country ?? 'this destination'} on ${row.channel}`);
      fallbacks.inc({ provider: name, reason: 'no_number' });
      return `${route.key}: no number`;
    }
    if (await this.breaker.isOpen(route.key)) {
      await this.attempts.skipped(row.attempt_uuid, start, 'circuit open');
      fallbacks.inc({ provider: name, reason: 'circuit_open' });
      return `${route.key}: circuit open`;
    }
    const seq = await this.attempts.claim(row.attempt_uuid, start);
    if (seq === undefined) return 'done'; // another run holds the claim: it sends, or already did
    const message: OutboundMessage = {
      attemptId: row.attempt_uuid,
      sessionId: row.session_uuid,
      accountId: row.account_id,
      mainAccountId: row.main_account_id,
      to: `+${row.recipient}`,
      from: number?.number,
      channel: row.channel,
      text: speech.text,
      language: speech.language,
      ...this.webhookUrls(name, row.attempt_uuid, row.channel),
    };
    let sent;
    try {
      sent = await inSpan(
        `deliver ${row.channel} via ${name}`,
        { kind: SpanKind.INTERNAL, attributes: { 'signet.provider': name, 'signet.channel': row.channel } },
        () => (row.channel === 'voice' ? route.provider.placeVoiceCall(message) : route.provider.sendSms(message)),
      );
    } catch (err) {
      await this.attempts.refused(row.attempt_uuid, seq, (err as Error).message);
      if (!(err instanceof ProviderApiError)) throw err;
      providerErrors.inc({ provider: name, channel: row.channel });
      fallbacks.inc({ provider: name, reason: 'api_error' });
      if (await this.breaker.failure(route.key, name)) circuitsOpened.inc({ provider: name });
      this.logger.warn({
        msg: `${name} refused the attempt: ${err.message}; falling through`,
        account_id: row.account_id,
        session_uuid: row.session_uuid,
        attempt_uuid: row.attempt_uuid,
      });
      return `${route.key}: ${err.message}`;
    }
    await this.breaker.success(route.key);
    deliverySeconds.observe({ provider: name, channel: row.channel }, (Date.now() - enqueuedAt) / 1000);
    const accepted = ACCEPTED[row.channel];
    // A provider that already knows the outcome moves the attempt through `accepted` to it in one statement.
    const change = sent.finalStatus ? { status: sent.finalStatus, via: [accepted] } : { status: accepted };
    await this.attempts.accepted(row.attempt_uuid, seq, {
      ...change,
      from: ['queued'],
      provider: name,
      providerRef: sent.providerRef,
      senderUuid: route.senderUuid,
    });
    this.relay.kick();
    return 'done';
  }

  /** Where the vendor must post this attempt's receipts (and Plivo fetch its `<Speak>`), under SIGNET_PUBLIC_URL. */
  private webhookUrls(provider: string, attemptUuid: string, channel: 'sms' | 'voice'): Pick<OutboundMessage, 'statusUrl' | 'answerUrl'> {
    const base = this.config.SIGNET_PUBLIC_URL?.replace(/\/$/, '');
    if (!base || provider === 'outbox') return {};
    return {
      statusUrl: `${base}/webhooks/${provider}/${channel}/${attemptUuid}`,
      ...(provider === 'plivo' && channel === 'voice' ? { answerUrl: `${base}/webhooks/plivo/answer/${attemptUuid}` } : {}),
    };
  }

  /** The final-failure path: the job used its retries (or cannot run); the attempt ends `failed` with its event. */
  async exhausted(job: Job<DeliveryJob>, err: Error): Promise<void> {
    const errorCode =
      err instanceof AllSendersRefused || err instanceof ProviderApiError ? AttemptErrorCodes.ALL_SENDERS_REFUSED : AttemptErrorCodes.DELIVERY_ERROR;
    await this.endFailed(job.data.attempt_uuid, errorCode);
  }

  /** Ends a still-queued attempt as failed (one statement with its event); the sweeper's second net uses it too. */
  async endFailed(attemptUuid: string, errorCode: string): Promise<void> {
    if (await this.attempts.setStatus(attemptUuid, { status: 'failed', from: ['queued'], errorCode })) {
      attemptsFailed.inc({ code: errorCode });
      this.relay.kick();
    }
    this.logger.warn({ msg: `attempt failed for good: ${errorCode}`, attempt_uuid: attemptUuid, error_code: errorCode });
  }
}
