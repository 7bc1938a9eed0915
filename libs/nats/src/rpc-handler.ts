import { Rpc, type RpcRequest, type RpcResponse, type RpcSubject } from '@signet/contracts/catalog';
import { parseOrThrow } from '@signet/errors';

/** A `@MessagePattern` handler's request, parsed with its subject's request schema from the contract map. */
export const rpcRequest = <S extends RpcSubject>(subject: S, data: unknown): RpcRequest<S> => parseOrThrow(Rpc[subject].request, data) as RpcRequest<S>;

/** What a `@MessagePattern(subject)` handler answers, per the contract map: a producer that drifts fails `tsc`. */
export type RpcReply<S extends RpcSubject> = Promise<RpcResponse<S>>;
