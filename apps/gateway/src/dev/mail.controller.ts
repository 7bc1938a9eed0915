import { Controller, Get, Inject, Query } from '@nestjs/common';
import { readDevMail } from '@signet/mail';
import type { Redis } from 'ioredis';
import { ApiId } from '../auth/caller.decorator.js';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config.js';

export const GATEWAY_REDIS = Symbol('GATEWAY_REDIS');

/**
 * Development only (not mounted when NODE_ENV=production): what the development mail catcher (libs/mail) caught,
 * newest first, optionally only what was sent `to` one address. No credentials: mail goes to people who may have
 * none yet (an invitation), and nothing of it exists in production.
 */
@Controller('dev/mail')
export class DevMailController {
  constructor(
    @Inject(GATEWAY_REDIS) private readonly redis: Redis,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get()
  async list(@ApiId() apiId: string, @Query('to') to?: string) {
    return { api_id: apiId, messages: await readDevMail(this.redis, this.config.REDIS_PREFIX, { to: typeof to === 'string' ? to : undefined }) };
  }
}
