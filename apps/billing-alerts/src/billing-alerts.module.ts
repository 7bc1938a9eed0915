import { Module } from '@nestjs/common';
import { healthController } from '@signet/health';
import { AlertsRpcController } from './alerts/alerts.rpc-controller.js';
import { AlertsService } from './alerts/alerts.service.js';
import { billingCoreProviders } from './billing.providers.js';
import { ClosingRepository } from './closing/closing.repository.js';
import { BillingEventsConsumer } from './events/billing-events.consumer.js';
import { BootstrapCreditService } from './ledger/bootstrap-credit.service.js';
import { LedgerRepository } from './ledger/ledger.repository.js';
import { LedgerRpcController } from './ledger/ledger.rpc-controller.js';
import { LedgerService } from './ledger/ledger.service.js';
import { PricingRepository } from './pricing/pricing.repository.js';
import { PricingRpcController } from './pricing/pricing.rpc-controller.js';
import { RecordedAttemptsRepository } from './unrecorded/recorded-attempts.repository.js';
import { UnrecordedChargesSweeper } from './unrecorded/unrecorded-charges.sweeper.js';
import { UsageRepository } from './usage/usage.repository.js';

/** The money: price list, prepaid ledger and balances, usage, balance alert settings, closing refunds. */
@Module({
  controllers: [PricingRpcController, LedgerRpcController, AlertsRpcController, healthController('billing-alerts')],
  providers: [
    ...billingCoreProviders,
    PricingRepository,
    LedgerRepository,
    LedgerService,
    UsageRepository,
    ClosingRepository,
    AlertsService,
    BillingEventsConsumer,
    BootstrapCreditService,
    RecordedAttemptsRepository,
    UnrecordedChargesSweeper,
  ],
})
export class BillingAlertsModule {}
