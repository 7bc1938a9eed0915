import { Module } from '@nestjs/common';
import { healthController } from '@signet/health';
import { AccountDataRepository } from './account-data/account-data.repository.js';
import { IdentityEventsConsumer } from './account-data/identity-events.consumer.js';
import { AppsRepository } from './apps/apps.repository.js';
import { AppsRpcController } from './apps/apps.rpc-controller.js';
import { AppsService } from './apps/apps.service.js';
import { DevOutboxRepository } from './dev-outbox/dev-outbox.repository.js';
import { DevOutboxRpcController } from './dev-outbox/dev-outbox.rpc-controller.js';
import { SessionsRpcController } from './sessions/sessions.rpc-controller.js';
import { SessionsService } from './sessions/sessions.service.js';
import { AttemptsRpcController } from './attempts/attempts.rpc-controller.js';
import { AttemptsService } from './attempts/attempts.service.js';
import { DeliveryRepository } from './delivery/delivery.repository.js';
import { ReceiptsRpcController } from './receipts/receipts.rpc-controller.js';
import { ReceiptsService } from './receipts/receipts.service.js';
import { SendersRpcController } from './senders/senders.rpc-controller.js';
import { SendersService } from './senders/senders.service.js';
import { TemplatesRepository } from './messages/templates.repository.js';
import { TemplatesRpcController } from './messages/templates.rpc-controller.js';
import { TemplatesService } from './messages/templates.service.js';
import { verifyCoreProviders, verifyRpcProviders } from './verify.providers.js';
import { AbuseRpcController } from './abuse/abuse.rpc-controller.js';
import { abuseProviders } from './abuse/abuse.providers.js';

@Module({
  controllers: [
    SessionsRpcController,
    AppsRpcController,
    SendersRpcController,
    AttemptsRpcController,
    ReceiptsRpcController,
    DevOutboxRpcController,
    TemplatesRpcController,
    AbuseRpcController,
    healthController('verify'),
  ],
  providers: [
    ...verifyCoreProviders,
    ...verifyRpcProviders,
    AppsRepository,
    AppsService,
    SendersService,
    AttemptsService,
    ReceiptsService,
    DeliveryRepository,
    SessionsService,
    DevOutboxRepository,
    AccountDataRepository,
    IdentityEventsConsumer,
    TemplatesRepository,
    TemplatesService,
    ...abuseProviders,
  ],
})
export class VerifyModule {}
