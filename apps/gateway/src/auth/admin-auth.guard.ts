import { createHash, timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { CommonErrors } from '@signet/contracts/common';
import { DomainError } from '@signet/errors';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config.js';
import type { ApiRequest } from '../http/api-request.js';
import { AuthThrottle } from './auth-throttle.js';

// Hashing both sides first gives equal lengths, so the comparison leaks neither content nor length.
const sha256 = (value: string): Buffer => createHash('sha256').update(value).digest();

/** The operators' admin API: `Authorization: Bearer <SIGNET_ADMIN_TOKEN>`, failures throttled like BasicAuth's. */
@Injectable()
export class AdminAuthGuard implements CanActivate {
  private readonly expected?: Buffer;

  constructor(
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    @Inject(AuthThrottle) private readonly throttle: AuthThrottle,
  ) {
    this.expected = config.SIGNET_ADMIN_TOKEN ? sha256(config.SIGNET_ADMIN_TOKEN) : undefined;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<ApiRequest>();
    const header = req.headers.authorization ?? '';
    await this.check(header.startsWith('Bearer ') ? header.slice(7).trim() : undefined, req.ip);
    return true;
  }

  /** Throws unless `token` is the admin token (throttled per address like BasicAuth); `undefined`: none was sent. */
  async check(token: string | undefined, ip: string): Promise<void> {
    if (!this.expected) throw new DomainError(CommonErrors.FORBIDDEN, 'forbidden: the admin API is disabled (SIGNET_ADMIN_TOKEN is not set)');
    if (token === undefined) throw new DomainError(CommonErrors.UNAUTHENTICATED, 'authentication failed: Authorization: Bearer <admin token> is required');
    await this.throttle.assertAllowed(ip);
    if (!timingSafeEqual(sha256(token), this.expected)) {
      await this.throttle.failed(ip, 'admin');
      throw new DomainError(CommonErrors.UNAUTHENTICATED, 'authentication failed: wrong admin token');
    }
  }
}
