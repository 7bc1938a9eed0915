import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { isUuid } from '@signet/contracts/common';
import {
  type SessionCreateRequest,
  type SessionCreateResult,
  type SessionListRequest,
  type SessionListResult,
  type SessionRef,
  type SessionValidateRequest,
  type SessionValidateResult,
  type SessionView,
  VerifyErrors,
} from '@signet/contracts/verify';
import { DomainError } from '@signet/errors';
import { Keyring } from '@signet/secrets';
import { EventsRelay } from '@signet/outbox';
import { AbuseChecks } from '../abuse/abuse-checks.js';
import { AppsService } from '../apps/apps.service.js';
import { BillingClient } from '../billing/billing.client.js';
import { DeliveryQueue } from '../delivery/delivery.queue.js';
import { ExpiryQueue } from '../expiry/expiry.queue.js';
import { WorkflowQueue } from '../workflow/workflow.queue.js';
import { chargeThenRecord } from './charge-then-record.js';
import { newCode, otpHash, otpMatches, sealOtp } from '../otp/otp.js';
import { assertRecipientInRegion } from './data-region.js';
import { parseRecipient } from './recipient.js';
import { sessionFilter } from './session-filter.js';
import { toSessionView } from './session-view.js';
import { type NewSession, type Opened, type SessionRow, SessionsRepository } from './sessions.repository.js';
import { attemptsCreated, sessionsCreated, sessionsExpired, sessionsVerified, validationsFailed } from '../verify.metrics.js';

const sessionNotFound = (): DomainError => new DomainError(VerifyErrors.SESSION_NOT_FOUND, 'session not found');

@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly apps: AppsService,
    private readonly delivery: DeliveryQueue,
    private readonly expiry: ExpiryQueue,
    private readonly relay: EventsRelay,
    private readonly billing: BillingClient,
    @Inject(Keyring) private readonly ring: Keyring,
    private readonly workflow: WorkflowQueue,
    private readonly abuse: AbuseChecks,
  ) {}

  /** Opens a session or adds an attempt to the one in progress for this app and recipient (same code). */
  async create({ caller, requestor_ip, body }: SessionCreateRequest, apiId?: string): Promise<SessionCreateResult> {
    const recipient = parseRecipient(body.recipient);
    assertRecipientInRegion(caller, recipient);
    const app = await this.apps.forSession(caller, body.app_uuid);
    if ((body.channel === 'sms' && !app.sms_channel) || (body.channel === 'voice' && !app.voice_channel)) {
      throw new DomainError(VerifyErrors.CHANNEL_DISABLED, `the ${body.channel} channel is disabled for this application`);
    }
    if (!recipient.countryIso2) throw new DomainError(VerifyErrors.RECIPIENT_INVALID, `no destination country for recipient ${JSON.stringify(body.recipient)}`);
    const uuid = randomUUID();
    const attemptUuid = randomUUID();
    const code = newCode(body.code_length ?? app.otp_length);
    const session = {
      uuid,
      app_uuid: app.uuid,
      account_id: caller.auth_id,
      main_account_id: caller.main_auth_id,
      alias: app.name,
      recipient: recipient.digits,
      channel: body.channel,
      locale: body.locale,
      brand_name: body.brand_name ?? app.brand_name,
      app_hash: body.app_hash ?? app.customer_app_hash,
      template: app.template,
      dtmf: (body.dtmf ?? 0) > 0,
      code_length: code.length,
      otp_hash: otpHash(this.ring, uuid, code),
      otp_sealed: sealOtp(this.ring, code),
      max_tries: app.max_validation_attempts,
      max_attempts: app.otp_attempts,
      callback_url: body.url ?? null,
      callback_method: body.method,
      requestor_ip,
      country_iso2: recipient.countryIso2,
      expiry_seconds: app.otp_expiry,
    };
    // Geo (403) and rate limits (429) refuse before anything is charged; Fraud Shield's hold is recorded, never charged or sent.
    const heldBack = await this.abuse.screen(caller, app, { digits: recipient.digits, country: recipient.countryIso2 }, body, attemptUuid);
    const charge = { caller, attempt_uuid: attemptUuid, country_iso: recipient.countryIso2, channel: body.channel };
    const record = () => this.openOrJoin(session, attemptUuid, app.otp_attempts, heldBack);
    const opened = heldBack ? await record() : await chargeThenRecord(this.billing, this.relay, charge, record, apiId);
    if (heldBack) this.relay.kick();
    attemptsCreated.inc({ channel: body.channel });
    if (opened.created) sessionsCreated.inc({ channel: body.channel });
    await Promise.all([
      heldBack ? undefined : this.delivery.enqueue(attemptUuid, apiId),
      opened.created ? this.expiry.schedule(opened.session_uuid, opened.expires_at) : undefined,
      heldBack ? undefined : this.workflow.afterAttempt(opened.session_uuid, opened.sequence, app.workflow, apiId),
    ]);
    return { message: 'Session initiated', session_uuid: opened.session_uuid };
  }

  private async openOrJoin(session: NewSession, attemptUuid: string, maxAttempts: number, heldBack?: string): Promise<Opened> {
    const opened = await this.sessions.open(session, attemptUuid, heldBack);
    if (opened) return opened;
    const blocking = await this.sessions.openOne(session.app_uuid, session.recipient);
    if (blocking && !blocking.expired) {
      throw new DomainError(VerifyErrors.ATTEMPTS_EXHAUSTED, `this session has used all ${maxAttempts} delivery attempts`);
    }
    // The open session is past its expiry but not yet swept: end it now and open a new one.
    if (blocking) sessionsExpired.inc((await this.sessions.expire([blocking.uuid])).length);
    const reopened = await this.sessions.open(session, attemptUuid, heldBack);
    if (!reopened) throw new DomainError(VerifyErrors.ATTEMPTS_EXHAUSTED, 'no more delivery attempts for this session');
    return reopened;
  }

  async get({ caller, session_uuid }: SessionRef): Promise<SessionView> {
    if (!isUuid(session_uuid)) throw sessionNotFound();
    const row = await this.sessions.find(caller, session_uuid);
    if (!row) throw sessionNotFound();
    return toSessionView(row, await this.billing.sessionCharges([row]));
  }

  async list({ caller, query }: SessionListRequest): Promise<SessionListResult> {
    const { rows, total } = await this.sessions.list(caller, sessionFilter(caller, query), query.limit, query.offset);
    const money = await this.billing.sessionCharges(rows);
    return { sessions: rows.map((r) => toSessionView(r, money)), limit: query.limit, offset: query.offset, total_count: total };
  }

  /** One statement spends a try and fetches the hash; the compare is constant-time; success ends the session. */
  async validate({ caller, session_uuid, body }: SessionValidateRequest): Promise<SessionValidateResult> {
    if (!isUuid(session_uuid)) throw sessionNotFound();
    const stored = await this.sessions.spendTry(caller, session_uuid);
    if (!stored) throw this.whyNoTry(await this.sessions.find(caller, session_uuid));
    if (!otpMatches(this.ring, session_uuid, body.otp, stored.otp_hash)) {
      validationsFailed.inc({ code: VerifyErrors.OTP_INVALID });
      throw new DomainError(VerifyErrors.OTP_INVALID, 'invalid OTP: the code does not match');
    }
    // The validation charge, once per session (idempotent on its uuid), before the session counts as verified.
    if (stored.country_iso2) await this.billing.chargeValidation({ caller, session_uuid, country_iso: stored.country_iso2 });
    if (!(await this.sessions.markVerified(session_uuid))) throw this.whyNoTry(await this.sessions.find(caller, session_uuid));
    this.relay.kick();
    sessionsVerified.inc();
    await this.abuse.verified(caller.main_auth_id, stored.recipient, session_uuid);
    return { message: 'session validated successfully.' };
  }

  private whyNoTry(row: SessionRow | undefined): DomainError {
    if (!row) return sessionNotFound();
    if (row.status === 'verified') return new DomainError(VerifyErrors.ALREADY_VERIFIED, 'session already verified');
    if (row.status === 'expired') return new DomainError(VerifyErrors.OTP_EXPIRED, 'session expired: the OTP is no longer valid, start a new session');
    return new DomainError(VerifyErrors.TRIES_EXHAUSTED, `maximum validation attempts (${row.max_tries}) reached for this session`);
  }
}
