import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { parseMoney } from '@signet/contracts/common';
import { BILLING_CONFIG, type BillingConfig } from '../config/billing.config.js';
import { LedgerService } from './ledger.service.js';

/** The bootstrap account's trial credit (SIGNET_BOOTSTRAP_CREDITS), recorded once: the reference makes it idempotent. */
@Injectable()
export class BootstrapCreditService implements OnApplicationBootstrap {
  private readonly logger = new Logger('BootstrapCredit');

  constructor(
    private readonly ledger: LedgerService,
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const authId = this.config.SIGNET_BOOTSTRAP_AUTH_ID;
    const amount = parseMoney(this.config.SIGNET_BOOTSTRAP_CREDITS);
    if (!authId || amount <= 0n) return;
    try {
      await this.ledger.credit({ auth_id: authId, body: { amount: amount.toString(), reference: 'bootstrap credit', trial: true } });
    } catch (err) {
      // Another amount configured since the first start: the first credit stands.
      this.logger.warn(`bootstrap credit for ${authId} not added: ${(err as Error).message}`);
    }
  }
}
