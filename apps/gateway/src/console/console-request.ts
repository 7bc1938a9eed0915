import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { RpcResponse, RpcSubject } from '@signet/contracts/catalog';
import type { Caller } from '@signet/contracts/common';
import type { ClientInfo, ConsoleUser } from '@signet/contracts/identity';
import { type RpcClient, rpcRequest } from '@signet/nats';
import { withApiId } from '../http/api-request.js';
import type { ConsoleRequest } from './console-auth.guard.js';

/** The signed-in console user the ConsoleAuthGuard put on the request. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<ConsoleRequest>().consoleUser);

/** The client address (as the gateway trusts it), its user agent and the console's device id, if it sends one. */
export const Client = createParamDecorator((_: unknown, ctx: ExecutionContext): ClientInfo => {
  const req = ctx.switchToHttp().getRequest<ConsoleRequest>();
  const device = req.headers['x-signet-device'];
  return {
    ip: req.ip,
    user_agent: String(req.headers['user-agent'] ?? '').slice(0, 512),
    device_id: typeof device === 'string' && device ? device.slice(0, 128) : undefined,
  };
});

/** A console user acts on their account's API resources as that (main) account. */
export const accountCaller = (user: ConsoleUser): Caller => ({ auth_id: user.auth_id, main_auth_id: user.auth_id, is_subaccount: false });

/**
 * A console call: the message is parsed here with its subject's request schema from the contract catalog (a client
 * mistake is a 400 before identity is asked), then sent typed; the reply goes out with the request's api_id.
 */
export async function consoleCall<S extends RpcSubject>(rpc: RpcClient, apiId: string, subject: S, message: unknown) {
  return withApiId(apiId, (await rpc.call(subject, rpcRequest(subject, message), apiId)) as RpcResponse<S> & object);
}
