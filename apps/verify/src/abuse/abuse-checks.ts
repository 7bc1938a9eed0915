import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@signet/errors';
import { type Caller, CommonErrors } from '@signet/contracts/common';
import { type AttemptErrorCode, AttemptErrorCodes, type SessionCreateBody } from '@signet/contracts/verify';
import type { AppRow } from '../apps/apps.repository.js';
import { levelOf, skipsFraudCheck } from './fraud-levels.js';
import { FraudShield } from './fraud-shield.js';
import { GeoPermissionsService } from './geo-permissions.service.js';
import { RateLimits } from './rate-limits.js';

/** What a session create passes before anything is charged: geo permissions, rate limits, Fraud Shield. */
@Injectable()
export class AbuseChecks {
  private readonly logger = new Logger('AbuseChecks');

  constructor(
    private readonly geo: GeoPermissionsService,
    @Inject(RateLimits) private readonly limits: RateLimits,
    @Inject(FraudShield) private readonly fraud: FraudShield,
  ) {}

  /**
   * Throws the 403 (geo) and 429 (rate limits) refusals; answers the error code the attempt is recorded failed
   * with when Fraud Shield holds it back (never sent, never charged), or undefined when it may go.
   */
  async screen(
    caller: Caller,
    app: AppRow,
    recipient: { digits: string; country: string },
    body: SessionCreateBody,
    attemptUuid: string,
  ): Promise<AttemptErrorCode | undefined> {
    await this.geo.assertAllowed(caller, app.uuid, body.channel, recipient.country);
    await this.limits.take(caller.main_auth_id, recipient.digits, app.uuid, app.rate_limits, body.rate_limits);
    if (!app.enable_fraudshield || skipsFraudCheck(body.fraud_check)) return undefined;
    const verdict = await this.fraud.check(caller.main_auth_id, recipient.digits, attemptUuid, levelOf(app.fs_protection_level)).catch((err: unknown) => {
      // Its store down: the attempt goes (OTP delivery outlives a Redis outage; the rate limits still count in memory).
      if (!(err instanceof DomainError) || err.code !== CommonErrors.SERVICE_UNAVAILABLE) throw err;
      this.logger.warn('Fraud Shield store unavailable: attempt let through unchecked');
      return { allowed: true } as const;
    });
    return verdict.allowed ? undefined : AttemptErrorCodes.FRAUD_BLOCKED;
  }

  /** A verified session feeds its range's conversion; a store outage must not undo a verification already committed. */
  async verified(mainAccountId: string, recipient: string, sessionUuid: string): Promise<void> {
    await this.fraud.verified(mainAccountId, recipient, sessionUuid).catch(() => undefined);
  }
}
