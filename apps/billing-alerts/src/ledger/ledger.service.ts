import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  BillingErrors,
  type BalanceGetRequest,
  type BalancesResult,
  type ChargeAttemptRequest,
  type ChargeReleaseRequest,
  type ChargeResult,
  type ChargeValidationRequest,
  type CreditAddRequest,
  type LedgerEntryView,
  type SessionChargesRequest,
  type SessionChargesResult,
} from '@signet/contracts/billing';
import { DomainError } from '@signet/errors';
import { AlertsQueue } from '../alerts/alerts.queue.js';
import { BILLING_CONFIG, type BillingConfig } from '../config/billing.config.js';
import { isUniqueViolation } from '../database/pg-error.js';
import { ChargeBatcher } from './charge-batcher.js';
import { type Entry, LedgerRepository, type Moved } from './ledger.repository.js';

/** The price column per channel; never taken from input. */
const PRICE_COLUMN = { sms: 'sms_micros', voice: 'voice_micros', validation: 'validation_micros' } as const;
const priceOf = (channel: keyof typeof PRICE_COLUMN) => `-(SELECT ${PRICE_COLUMN[channel]} FROM billing.prices WHERE country_iso = $10::text)`;

const insufficient = () =>
  new DomainError(BillingErrors.INSUFFICIENT_CREDIT, 'insufficient credit: the account balance cannot cover this charge; add credit and retry');
const closed = () => new DomainError(BillingErrors.ACCOUNT_CLOSED, 'the account is closed and can no longer be charged');
const noPrice = (iso: string) => new DomainError(BillingErrors.PRICE_NOT_FOUND, `no price for destination country ${iso}`);

/** Prepaid charging, refunds and credits: every change to a balance is one ledger entry written by one statement. */
@Injectable()
export class LedgerService {
  private readonly logger = new Logger('Ledger');
  /** Attempt charges of one hot account share transactions (group commit); see ChargeBatcher. */
  private readonly batcher: ChargeBatcher;

  constructor(
    private readonly ledger: LedgerRepository,
    private readonly alerts: AlertsQueue,
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
  ) {
    this.batcher = new ChargeBatcher(
      { one: (entry, amountSql, params) => this.applyOnce(entry, amountSql, params), many: (authId, charges) => this.ledger.chargeMany(authId, charges) },
      config.BILLING_CHARGE_BATCH,
    );
  }

  /** The platform's own verification traffic (console phone codes) costs no customer anything. */
  private uncharged(caller: { main_auth_id: string }): ChargeResult | undefined {
    return caller.main_auth_id === this.config.SIGNET_CONSOLE_VERIFY_ACCOUNT ? { charge_micros: '0', balance_micros: '0' } : undefined;
  }

  /** Idempotent on the attempt uuid: a retried request answers the charge already taken and takes nothing more. */
  async chargeAttempt({ caller, attempt_uuid, country_iso, channel }: ChargeAttemptRequest): Promise<ChargeResult> {
    const free = this.uncharged(caller);
    if (free) return free;
    const entry: Entry = {
      authId: caller.main_auth_id,
      accountId: caller.auth_id,
      kind: 'charge',
      attemptUuid: attempt_uuid,
      channel,
      countryIso: country_iso,
    };
    const moved = await this.batcher.charge(entry, priceOf(channel), [country_iso]);
    if (moved) return this.charged(moved);
    const prior = await this.ledger.chargeOf(attempt_uuid);
    if (prior) return { charge_micros: (-BigInt(prior.amount_micros)).toString(), balance_micros: await this.balanceOf(prior.auth_id) };
    throw await this.whyRefused(caller.main_auth_id, country_iso);
  }

  /** Gives an attempt's charge back when verify could not record the attempt after all (nothing was queued). */
  async release({ attempt_uuid, reason }: ChargeReleaseRequest): Promise<void> {
    await this.refundAttempt(attempt_uuid, reason);
  }

  /** A refund of everything the attempt cost (its charge and any adjustment), once. */
  async refundAttempt(attemptUuid: string, reason: string): Promise<boolean> {
    const charge = await this.ledger.chargeOf(attemptUuid);
    if (!charge) return false;
    const entry: Entry = {
      authId: charge.auth_id,
      accountId: charge.account_id,
      kind: 'refund',
      attemptUuid,
      channel: charge.channel as Entry['channel'],
      countryIso: charge.country_iso,
      reference: reason,
    };
    const net = `-(SELECT sum(amount_micros) FROM billing.ledger WHERE attempt_uuid = $10::uuid AND kind IN ('charge', 'adjustment'))`;
    const moved = await this.applyOnce(entry, net, [attemptUuid], true);
    if (moved) this.logger.log(`refunded attempt ${attemptUuid} (${reason})`);
    return moved !== undefined;
  }

  /** An attempt its customer's own sender carried costs the list's own-sender rate: the difference goes back, once. */
  async ownSenderRate(attemptUuid: string): Promise<boolean> {
    const charge = await this.ledger.chargeOf(attemptUuid);
    if (!charge || (charge.channel !== 'sms' && charge.channel !== 'voice')) return false;
    const column = charge.channel === 'sms' ? 'sms_own_sender_micros' : 'voice_own_sender_micros';
    const entry: Entry = {
      authId: charge.auth_id,
      accountId: charge.account_id,
      kind: 'adjustment',
      attemptUuid,
      channel: charge.channel,
      countryIso: charge.country_iso,
      reference: 'own sender rate',
    };
    // Only while not refunded: a refund already gave everything back.
    const diff = `(SELECT -c.amount_micros - p.${column} FROM billing.ledger c JOIN billing.prices p ON p.country_iso = c.country_iso
                   WHERE c.attempt_uuid = $10::uuid AND c.kind = 'charge'
                   AND NOT EXISTS (SELECT 1 FROM billing.ledger r WHERE r.attempt_uuid = $10::uuid AND r.kind = 'refund'))`;
    return (await this.applyOnce(entry, diff, [attemptUuid], true)) !== undefined;
  }

  /** The validation charge, once per verified session. */
  async chargeValidation({ caller, session_uuid, country_iso }: ChargeValidationRequest): Promise<ChargeResult> {
    const free = this.uncharged(caller);
    if (free) return free;
    const entry: Entry = {
      authId: caller.main_auth_id,
      accountId: caller.auth_id,
      kind: 'charge',
      sessionUuid: session_uuid,
      channel: 'validation',
      countryIso: country_iso,
    };
    const moved = await this.applyOnce(entry, priceOf('validation'), [country_iso]);
    if (moved) return this.charged(moved);
    const prior = await this.ledger.validationOf(session_uuid);
    if (prior) return { charge_micros: (-BigInt(prior.amount_micros)).toString(), balance_micros: await this.balanceOf(caller.main_auth_id) };
    throw await this.whyRefused(caller.main_auth_id, country_iso);
  }

  /** An operator's credit; the same reference again is the same credit (answered, not added twice). */
  async credit({ auth_id, body }: CreditAddRequest): Promise<LedgerEntryView> {
    const account = await this.ledger.account(auth_id);
    if (account?.closed) throw closed();
    if (!account) await this.ledger.ensureAccount(auth_id);
    const entry: Entry = { authId: auth_id, accountId: auth_id, kind: 'recharge', reference: body.reference, trial: body.trial };
    // A reference seen before is answered without a write (the unique index still settles a race).
    if (!(await this.ledger.rechargeOf(auth_id, body.reference))) {
      const moved = await this.applyOnce(entry, '$10::bigint', [body.amount]);
      if (moved) this.alerts.enqueue(moved.alerts);
    }
    const stored = await this.ledger.rechargeOf(auth_id, body.reference);
    if (!stored) throw closed();
    if (stored.amount_micros !== body.amount) {
      throw new DomainError(
        BillingErrors.CREDIT_REFERENCE_CONFLICT,
        `reference ${JSON.stringify(body.reference)} was already used for a credit of another amount`,
      );
    }
    return {
      entry_uuid: stored.uuid,
      auth_id,
      account_id: auth_id,
      kind: 'recharge',
      amount_micros: stored.amount_micros,
      balance_after_micros: stored.balance_after_micros,
      reference: body.reference,
      created_at: stored.created_at,
    };
  }

  balances({ auth_ids }: BalanceGetRequest): Promise<BalancesResult> {
    return this.ledger.balances(auth_ids);
  }

  sessionCharges({ attempt_uuids, session_uuids }: SessionChargesRequest): Promise<SessionChargesResult> {
    return this.ledger.sessionCharges(attempt_uuids, session_uuids);
  }

  /** The entry, or undefined when refused; a duplicate (unique index) rolled back and is reported as undefined too. */
  private async applyOnce(entry: Entry, amountSql: string, params: unknown[], serialize = false): Promise<Moved | undefined> {
    try {
      // A refund and an own-sender adjustment of one attempt read each other's entries: one at a time per attempt.
      if (serialize && entry.attemptUuid) return await this.ledger.moveSerialized(entry.attemptUuid, entry, amountSql, params);
      return await this.ledger.move(entry, amountSql, params);
    } catch (err) {
      if (isUniqueViolation(err)) return undefined;
      throw err;
    }
  }

  private charged(moved: Moved): ChargeResult {
    this.alerts.enqueue(moved.alerts);
    return { charge_micros: (-BigInt(moved.amount)).toString(), balance_micros: moved.balance };
  }

  private async balanceOf(authId: string): Promise<string> {
    return (await this.ledger.account(authId))?.balance_micros ?? '0';
  }

  private async whyRefused(authId: string, countryIso: string): Promise<DomainError> {
    if (!(await this.ledger.hasPrice(countryIso))) return noPrice(countryIso);
    const account = await this.ledger.account(authId);
    return account?.closed ? closed() : insufficient();
  }
}
