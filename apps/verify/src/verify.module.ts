import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { connectNats, RpcClient } from '@signet/nats';
import { healthController } from '@signet/health';
import { AccountDataRepository } from './account-data/account-data.repository.js';
import { IdentityEventsConsumer } from './account-data/identity-events.consumer.js';
import { AppsRepository } from './apps/apps.repository.js';
import { AppsRpcController } from './apps/apps.rpc-controller.js';
import { AppsService } from './apps/apps.service.js';
import { BillingClient } from './billing/billing.client.js';
import { VERIFY_CONFIG, type VerifyConfig } from './config/verify.config.js';
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
import { verifyCoreProviders } from './verify.providers.js';

@Injectable()
class RpcCloser implements OnApplicationShutdown {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.rpc.connection.drain().catch(() => undefined);
  }
}

@Module({
  controllers: [
    SessionsRpcController,
    AppsRpcController,
    SendersRpcController,
    AttemptsRpcController,
    ReceiptsRpcController,
    DevOutboxRpcController,
    healthController('verify'),
  ],
  providers: [
    ...verifyCoreProviders,
    {
      provide: RpcClient,
      useFactory: async (c: VerifyConfig) => new RpcClient(await connectNats(c.NATS_URL, 'verify-rpc'), c.NATS_TIMEOUT_MS),
      inject: [VERIFY_CONFIG],
    },
    RpcCloser,
    BillingClient,
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
  ],
})
export class VerifyModule {}
