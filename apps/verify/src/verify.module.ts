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
import { verifyCoreProviders } from './verify.providers.js';

@Module({
  controllers: [SessionsRpcController, AppsRpcController, DevOutboxRpcController, healthController('verify')],
  providers: [...verifyCoreProviders, AppsRepository, AppsService, SessionsService, DevOutboxRepository, AccountDataRepository, IdentityEventsConsumer],
})
export class VerifyModule {}
