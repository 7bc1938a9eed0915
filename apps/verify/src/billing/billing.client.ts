import { Injectable, Logger } from '@nestjs/common';
import {
  BillingSubjects,
  type ChargeAttemptRequest,
  type ChargeResult,
  type ChargeValidationRequest,
  type SessionChargesResult,
} from '@signet/contracts/billing';
import { RpcClient } from '@signet/nats';
import type { SessionRow } from '../sessions/sessions.repository.js';

/** verify's calls to billing-alerts: charge before queueing, give back what was not used, read session charges. */
@Injectable()
export class BillingClient {
  private readonly logger = new Logger('Billing');

  constructor(private readonly rpc: RpcClient) {}

  chargeAttempt(request: ChargeAttemptRequest, apiId?: string): Promise<ChargeResult> {
    return this.rpc.call(BillingSubjects.chargeAttempt, request, apiId);
  }

  /** Best effort after a failed create; a lost release is logged with the attempt to refund by hand. */
  async release(attemptUuid: string, reason: string, apiId?: string): Promise<void> {
    try {
      await this.rpc.call(BillingSubjects.chargeRelease, { attempt_uuid: attemptUuid, reason }, apiId);
    } catch (err) {
      this.logger.error(`${apiId ?? '-'} charge of attempt ${attemptUuid} not released (${reason}): ${(err as Error).message}`);
    }
  }

  chargeValidation(request: ChargeValidationRequest, apiId?: string): Promise<ChargeResult> {
    return this.rpc.call(BillingSubjects.chargeValidation, request, apiId);
  }

  sessionCharges(rows: SessionRow[], apiId?: string): Promise<SessionChargesResult> {
    const attempt_uuids = rows.flatMap((r) => r.attempts.map((a) => a.attempt_uuid));
    const session_uuids = rows.filter((r) => r.status === 'verified').map((r) => r.uuid);
    if (attempt_uuids.length === 0 && session_uuids.length === 0) return Promise.resolve({ attempts: {}, validations: {} });
    return this.rpc.call(BillingSubjects.sessionCharges, { attempt_uuids, session_uuids }, apiId);
  }
}
