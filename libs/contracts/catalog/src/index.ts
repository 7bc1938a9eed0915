import type { z } from 'zod';
import { CallbackErrors, CallbacksRpc } from '@signet/contracts/callbacks';
import { BillingErrors, BillingRpc } from '@signet/contracts/billing';
import { CommonErrors, HealthRpc } from '@signet/contracts/common';
import { ConsoleRpc, IdentityErrors, IdentityEventSchemas, IdentityRpc } from '@signet/contracts/identity';
import { SipAuthErrors, SipAuthRpc } from '@signet/contracts/sip-auth';
import { VerifyErrors, VerifyEventSchemas, VerifyRpc } from '@signet/contracts/verify';

/**
 * The one map of every NATS request/reply subject to its request and response schema. `RpcClient.call(subject,
 * message)` infers both types from it; `@MessagePattern` handlers parse their requests with the same schemas.
 * A new subject is added to its service's `<Service>Rpc` (next to its subject constant), which lands here.
 */
export const Rpc = { ...HealthRpc, ...IdentityRpc, ...ConsoleRpc, ...VerifyRpc, ...SipAuthRpc, ...CallbacksRpc, ...BillingRpc } as const;
export type RpcMap = typeof Rpc;
export type RpcSubject = keyof RpcMap;
/** What the caller builds: the request schema's output, so bodies parsed at the gateway go through unchanged. */
export type RpcRequest<S extends RpcSubject> = z.output<RpcMap[S]['request']>;
export type RpcResponse<S extends RpcSubject> = z.output<RpcMap[S]['response']>;

/** Every durable event subject bound to the schema of its `data`; `consumeEvents` parses against it. */
export const Events = { ...IdentityEventSchemas, ...VerifyEventSchemas } as const;
export type EventMap = typeof Events;
export type EventSubject = keyof EventMap;
export type EventData<S extends EventSubject> = z.output<EventMap[S]>;

type Values<T> = T[keyof T];
/** The union of every contract's error codes: the gateway's HTTP table must name each one. */
export type ErrorCode =
  | Values<typeof CommonErrors>
  | Values<typeof IdentityErrors>
  | Values<typeof VerifyErrors>
  | Values<typeof SipAuthErrors>
  | Values<typeof CallbackErrors>
  | Values<typeof BillingErrors>;
