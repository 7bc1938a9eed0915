import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import type { Caller } from '@signet/contracts/common';
import { accountUpdateBody, IdentitySubjects } from '@signet/contracts/identity';
import { parseOrThrow } from '@signet/errors';
import { RpcClient } from '@signet/nats';
import { BasicAuthGuard } from '../auth/basic-auth.guard.js';
import { ApiId, CurrentCaller } from '../auth/caller.decorator.js';
import { withApiId } from '../http/api-request.js';
import { renderAccount } from '../http/money-views.js';

@Controller('v1/Account/:authId')
@UseGuards(BasicAuthGuard)
export class AccountController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  async get(@ApiId() apiId: string, @CurrentCaller() caller: Caller) {
    return withApiId(apiId, renderAccount(await this.rpc.call(IdentitySubjects.accountGet, { auth_id: caller.auth_id }, apiId)));
  }

  @Post()
  @HttpCode(202)
  async update(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Body() body: unknown) {
    await this.rpc.call(IdentitySubjects.accountUpdate, { caller, body: parseOrThrow(accountUpdateBody, body ?? {}) }, apiId);
    return { api_id: apiId, message: 'changed' };
  }
}
