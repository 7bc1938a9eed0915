import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CommonErrors } from '@signet/contracts/common';
import { type ConsolePermission, ConsoleSubjects, type ConsoleUser, IdentityErrors, roleAllows } from '@signet/contracts/identity';
import { DomainError } from '@signet/errors';
import { RpcClient, rpcRequest } from '@signet/nats';
import type { ApiRequest } from '../http/api-request.js';

export interface ConsoleRequest extends ApiRequest {
  consoleUser?: ConsoleUser;
}

const PERMISSION = 'signet:console-permission';
/** What a console endpoint needs; the guard refuses (403) a role without it. */
export const Needs = (permission: ConsolePermission) => SetMetadata(PERMISSION, permission);

/**
 * Console endpoints: `Authorization: Bearer <access token>`, resolved by identity on every request (so a logout,
 * reset or suspension takes effect at once), then the caller's role is checked against the endpoint's permission.
 * An endpoint without a declared permission is refused: forgetting one can never open it.
 */
@Injectable()
export class ConsoleAuthGuard implements CanActivate {
  constructor(
    private readonly rpc: RpcClient,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<ConsoleRequest>();
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Bearer ')) throw new DomainError(CommonErrors.UNAUTHENTICATED, 'not signed in: Authorization: Bearer <access token> is required');
    const user = await this.rpc.call(
      ConsoleSubjects.authenticate,
      rpcRequest(ConsoleSubjects.authenticate, { access_token: header.slice(7).trim() }),
      req.apiId,
    );
    const permission = this.reflector.getAllAndOverride<ConsolePermission | undefined>(PERMISSION, [context.getHandler(), context.getClass()]);
    if (!permission || !roleAllows(user.role, permission)) {
      throw new DomainError(IdentityErrors.ROLE_FORBIDDEN, `forbidden: the ${user.role} role cannot do this`);
    }
    req.consoleUser = user;
    return true;
  }
}
