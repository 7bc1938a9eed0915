import { Injectable } from '@nestjs/common';
import { BillingSubjects, type BalancesResult, type LedgerEntryView } from '@signet/contracts/billing';
import { RpcClient } from '@signet/nats';

/** Identity's calls to billing-alerts, which holds every balance. */
@Injectable()
export class BalancesClient {
  constructor(private readonly rpc: RpcClient) {}

  /** Micro-units per main account; billing down → SERVICE_UNAVAILABLE (a fast 503 at the gateway). */
  async of(authIds: string[]): Promise<BalancesResult> {
    if (authIds.length === 0) return {};
    return this.rpc.call(BillingSubjects.balanceGet, { auth_ids: [...new Set(authIds)] });
  }

  /** An account's opening credit, recorded once (by its reference). */
  openingCredit(authId: string, amountMicros: string): Promise<LedgerEntryView> {
    return this.rpc.call(BillingSubjects.creditAdd, { auth_id: authId, body: { amount: amountMicros, reference: 'opening credit', trial: false } });
  }
}
