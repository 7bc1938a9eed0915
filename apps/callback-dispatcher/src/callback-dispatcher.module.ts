import { Module } from '@nestjs/common';
import { HEALTH_CHECKS, healthController } from '@signet/health';

/** No feature yet: the service joins its queue group and answers health checks. */
@Module({
  controllers: [healthController('callback-dispatcher')],
  providers: [{ provide: HEALTH_CHECKS, useValue: [] }],
})
export class CallbackDispatcherModule {}
