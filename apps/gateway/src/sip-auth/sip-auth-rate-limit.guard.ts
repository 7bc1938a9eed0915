import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { ApiRequest } from '../http/api-request.js';
import { RateLimiter } from '../rate-limit/rate-limiter.js';

/**
 * The seed promises 429 but names no rate, so Signet picks one budget per (sub)account shared by every SipAuth and
 * Application endpoint: 600 requests a minute, room for filling all 200 credentials and 100 ACLs in one go.
 * Runs after BasicAuthGuard, which puts the caller on the request.
 */
export const SIP_AUTH_RATE_LIMIT = { limit: 600, windowMs: 60_000 } as const;

@Injectable()
export class SipAuthRateLimitGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { caller } = context.switchToHttp().getRequest<ApiRequest>();
    if (caller) await this.limiter.take('sip-auth', caller.auth_id, SIP_AUTH_RATE_LIMIT.limit, SIP_AUTH_RATE_LIMIT.windowMs);
    return true;
  }
}
