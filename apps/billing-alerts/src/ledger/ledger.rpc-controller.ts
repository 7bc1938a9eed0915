import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  balanceGetRequest,
  BillingErrors,
  BillingSubjects,
  chargeAttemptRequest,
  chargeReleaseRequest,
  chargeValidationRequest,
  closureRequest,
  creditAddRequest,
  sessionChargesRequest,
  type UsageResult,
  usageRequest,
} from '@signet/contracts/billing';
import { DomainError, parseOrThrow } from '@signet/errors';
import { DataSource } from 'typeorm';
import { ClosingRepository } from '../closing/closing.repository.js';
import { UsageRepository } from '../usage/usage.repository.js';
import { LedgerService } from './ledger.service.js';

@Controller()
export class LedgerRpcController {
  constructor(
    private readonly ledger: LedgerService,
    private readonly usage: UsageRepository,
    private readonly closing: ClosingRepository,
    @Inject(DataSource) private readonly ds: DataSource,
  ) {}

  @MessagePattern(BillingSubjects.chargeAttempt)
  chargeAttempt(@Payload() data: unknown) {
    return this.ledger.chargeAttempt(parseOrThrow(chargeAttemptRequest, data));
  }

  @MessagePattern(BillingSubjects.chargeRelease)
  async release(@Payload() data: unknown) {
    await this.ledger.release(parseOrThrow(chargeReleaseRequest, data));
    return {};
  }

  @MessagePattern(BillingSubjects.chargeValidation)
  chargeValidation(@Payload() data: unknown) {
    return this.ledger.chargeValidation(parseOrThrow(chargeValidationRequest, data));
  }

  @MessagePattern(BillingSubjects.sessionCharges)
  sessionCharges(@Payload() data: unknown) {
    return this.ledger.sessionCharges(parseOrThrow(sessionChargesRequest, data));
  }

  @MessagePattern(BillingSubjects.balanceGet)
  balances(@Payload() data: unknown) {
    return this.ledger.balances(parseOrThrow(balanceGetRequest, data));
  }

  @MessagePattern(BillingSubjects.creditAdd)
  credit(@Payload() data: unknown) {
    return this.ledger.credit(parseOrThrow(creditAddRequest, data));
  }

  @MessagePattern(BillingSubjects.usageGet)
  async usageGet(@Payload() data: unknown): Promise<UsageResult> {
    const { caller, query } = parseOrThrow(usageRequest, data);
    const lines = await this.usage.lines(caller, query.start_date, query.end_date);
    const total = lines.reduce((sum, l) => sum + BigInt(l.amount_micros), 0n);
    return { start_date: query.start_date, end_date: query.end_date, total_micros: total.toString(), lines };
  }

  @MessagePattern(BillingSubjects.closureGet)
  async closure(@Payload() data: unknown) {
    const { auth_id } = parseOrThrow(closureRequest, data);
    const found = await this.closing.find(this.ds, auth_id);
    if (!found) throw new DomainError(BillingErrors.CLOSURE_NOT_FOUND, 'no closure recorded for this account');
    return found;
  }
}
