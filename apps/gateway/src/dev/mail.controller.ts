import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ConsoleSubjects } from '@signet/contracts/identity';
import { readDevMail } from '@signet/mail';
import { RpcClient, rpcRequest } from '@signet/nats';
import type { Redis } from 'ioredis';
import { ApiId } from '../auth/caller.decorator.js';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config.js';
import { REDIS } from '../redis.js';

/** Development only (not mounted when NODE_ENV=production): the mail the catcher kept, and the console's phone codes. */
@Controller('dev')
export class DevMailController {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly rpc: RpcClient,
  ) {}

  @Get('mail')
  async mail(@ApiId() apiId: string, @Query('to') to?: string) {
    return { api_id: apiId, messages: await readDevMail(this.redis, this.config.REDIS_PREFIX, { to: typeof to === 'string' ? to : undefined }) };
  }

  /** What identity's own Verify account sent (signup, login and phone-change codes). */
  @Get('console-outbox')
  async outbox(@ApiId() apiId: string, @Query('recipient') recipient?: string) {
    return {
      api_id: apiId,
      ...(await this.rpc.call(ConsoleSubjects.devOutbox, rpcRequest(ConsoleSubjects.devOutbox, { recipient: String(recipient ?? '') }), apiId)),
    };
  }
}
