import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import type { Caller } from '@signet/contracts/common';
import { IdentitySubjects, tokenRotateBody } from '@signet/contracts/identity';
import { parseOrThrow } from '@signet/errors';
import { RpcClient } from '@signet/nats';
import { BasicAuthGuard } from '../auth/basic-auth.guard.js';
import { ApiId, CurrentCaller } from '../auth/caller.decorator.js';

/** Regenerates the caller's own auth token; `expire_old` is `immediately` or `48h`. */
@Controller('v1/Account/:authId/AuthToken')
@UseGuards(BasicAuthGuard)
export class AuthTokenController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  async rotate(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Body() body: unknown) {
    const rotated = await this.rpc.call(IdentitySubjects.tokenRotate, { caller, body: parseOrThrow(tokenRotateBody, body ?? {}) }, apiId);
    return { api_id: apiId, message: 'auth token regenerated', ...rotated };
  }
}
