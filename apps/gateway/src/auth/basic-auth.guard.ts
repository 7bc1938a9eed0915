import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@signet/contracts/common';
import { type AuthenticatedCaller, IdentityErrors, IdentitySubjects } from '@signet/contracts/identity';
import { DomainError, findNul } from '@signet/errors';
import { RpcClient } from '@signet/nats';
import type { ApiRequest } from '../http/api-request.js';
import { AuthThrottle } from './auth-throttle.js';
import { type Authenticated, CredentialCache } from './credential-cache.js';

const failed = (why: string) => new DomainError(IdentityErrors.AUTH_FAILED, `authentication failed: ${why}`);

function credentials(header: string | undefined): { authId: string; token: string } {
  if (!header?.startsWith('Basic ')) throw failed('HTTP BasicAuth with your auth id and auth token is required');
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) throw failed('malformed BasicAuth credentials');
  if (colon > 64 || decoded.length - colon > 257) throw failed('no such auth id and auth token');
  return { authId: decoded.slice(0, colon), token: decoded.slice(colon + 1) };
}

/** What services below the gateway are told about the caller; the rest is the gateway's to enforce. */
const toCaller = ({ auth_id, main_auth_id, is_subaccount, data_region }: AuthenticatedCaller): Caller => ({
  auth_id,
  main_auth_id,
  is_subaccount,
  data_region,
});

/**
 * HTTP BasicAuth checked by identity (cached until identity says otherwise); the auth id in the path must be the
 * caller's own; then the main account's IP whitelist and a suspension are enforced on every call.
 */
@Injectable()
export class BasicAuthGuard implements CanActivate {
  private readonly inFlight = new Map<string, Promise<Authenticated>>();

  constructor(
    private readonly rpc: RpcClient,
    @Inject(CredentialCache) private readonly cache: CredentialCache,
    @Inject(AuthThrottle) private readonly throttle: AuthThrottle,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<ApiRequest>();
    const { authId, token } = credentials(req.headers.authorization);
    const { caller, allowList } = this.cache.get(authId, token) ?? (await this.verify(authId, token, req));
    const pathAuthId = (req.params as { authId?: string }).authId;
    if (pathAuthId !== undefined && pathAuthId !== caller.auth_id) throw failed('the auth id in the URL is not yours');
    if (allowList && !allowList.allows(req.ip)) {
      throw new DomainError(IdentityErrors.IP_NOT_WHITELISTED, `forbidden: ${req.ip} is not in this account's IP whitelist`);
    }
    if (caller.status === 'suspended') {
      const whose = caller.is_subaccount ? 'the main account of this subaccount is' : 'this account is';
      throw new DomainError(IdentityErrors.ACCOUNT_SUSPENDED, `forbidden: ${whose} suspended; contact your Signet operator`);
    }
    req.caller = toCaller(caller);
    return true;
  }

  /** Credentials the cache does not know: refused outright from an address that keeps failing, counted when wrong. */
  private async verify(authId: string, token: string, req: ApiRequest): Promise<Authenticated> {
    await this.throttle.assertAllowed(req.ip);
    try {
      // Text no account can have (NUL) is a wrong credential like any other, counted by the throttle.
      if (findNul([authId, token]) !== undefined) throw failed('no such auth id and auth token');
      return await this.authenticate(authId, token, req.apiId);
    } catch (err) {
      if (err instanceof DomainError && err.code === IdentityErrors.AUTH_FAILED) await this.throttle.failed(req.ip, authId);
      throw err;
    }
  }

  /** Concurrent requests with the same credentials share one identity call. */
  private authenticate(authId: string, token: string, apiId: string): Promise<Authenticated> {
    const key = `${authId}:${token}`;
    let pending = this.inFlight.get(key);
    if (!pending) {
      const epoch = this.cache.epoch;
      pending = this.rpc
        .call(IdentitySubjects.authenticate, { auth_id: authId, auth_token: token }, apiId)
        .then((caller) => this.cache.set(authId, token, caller, epoch))
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }
}
