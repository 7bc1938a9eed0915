import { Module } from '@nestjs/common';
import { healthController } from '@signet/health';
import { IdentityEventsConsumer } from './account-data/identity-events.consumer.js';
import { CallbacksRpcController } from './api/callbacks.rpc-controller.js';
import { callbacksCoreProviders } from './callbacks.providers.js';
import { VerifyEventsConsumer } from './events/verify-events.consumer.js';

/** The NATS service: consumes verify's events into callbacks, serves the delivery log and replay. */
@Module({
  controllers: [CallbacksRpcController, healthController('callback-dispatcher')],
  providers: [...callbacksCoreProviders, VerifyEventsConsumer, IdentityEventsConsumer],
})
export class CallbackDispatcherModule {}
