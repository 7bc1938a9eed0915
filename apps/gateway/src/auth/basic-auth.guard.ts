import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@signet/contracts/common';
import { IdentityErrors, IdentitySubjects } from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';
import { RpcClient } from '@signet/nats';
import type { ApiRequest } from '../http/api-request.js';
import { CredentialCache } from './credential-cache.js';

const failed = (why: string) => new DomainError(IdentityErrors.AUTH_FAILED, `authentication failed: ${why}`);

function credentials(header: string | undefined): { authId: string; token: string } {
  if (!header?.startsWith('Basic ')) throw failed('HTTP BasicAuth with your auth id and auth token is required');
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) throw failed('malformed BasicAuth credentials');
  return { authId: decoded.slice(0, colon), token: decoded.slice(colon + 1) };
}

/** HTTP BasicAuth checked by identity (cached briefly); the auth id in the path must be the caller's own. */
@Injectable()
export class BasicAuthGuard implements CanActivate {
  private readonly inFlight = new Map<string, Promise<Caller>>();

  constructor(
    private readonly rpc: RpcClient,
    @Inject(CredentialCache) private readonly cache: CredentialCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<ApiRequest>();
    const { authId, token } = credentials(req.headers.authorization);
    const caller = this.cache.get(authId, token) ?? (await this.authenticate(authId, token, req.apiId));
    const pathAuthId = (req.params as { authId?: string }).authId;
    if (pathAuthId !== undefined && pathAuthId !== caller.auth_id) throw failed('the auth id in the URL is not yours');
    req.caller = caller;
    return true;
  }

  /** Concurrent requests with the same credentials share one identity call. */
  private authenticate(authId: string, token: string, apiId: string): Promise<Caller> {
    const key = `${authId}:${token}`;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.rpc
        .request<Caller>(IdentitySubjects.authenticate, { auth_id: authId, auth_token: token }, apiId)
        .then((caller) => {
          this.cache.set(authId, token, caller);
          return caller;
        })
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }
}
