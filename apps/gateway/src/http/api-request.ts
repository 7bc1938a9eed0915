import type { FastifyRequest } from 'fastify';
import type { Caller } from '@signet/contracts/common';

/** What the gateway attaches to every request: the correlation id and, once authenticated, the caller. */
export interface ApiRequest extends FastifyRequest {
  apiId: string;
  caller?: Caller;
}

export const withApiId = <T extends object>(apiId: string, body: T): { api_id: string } & T => ({ api_id: apiId, ...body });
