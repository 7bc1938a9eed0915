import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import type { Caller } from '@signet/contracts/common';
import { IdentitySubjects, ipWhitelistAddBody, ipWhitelistSetBody } from '@signet/contracts/identity';
import { parseOrThrow } from '@signet/errors';
import { RpcClient } from '@signet/nats';
import { BasicAuthGuard } from '../auth/basic-auth.guard.js';
import { ApiId, CurrentCaller } from '../auth/caller.decorator.js';
import { withApiId } from '../http/api-request.js';

/** The main account's IP whitelist (it covers its subaccounts): entries, and enforcement on or off. */
@Controller('v1/Account/:authId/IpWhitelist')
@UseGuards(BasicAuthGuard)
export class IpWhitelistController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  async list(@ApiId() apiId: string, @CurrentCaller() caller: Caller) {
    return withApiId(apiId, await this.rpc.call(IdentitySubjects.ipWhitelistList, { caller }, apiId));
  }

  @Post()
  @HttpCode(201)
  async add(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Body() body: unknown) {
    const entry = await this.rpc.call(IdentitySubjects.ipWhitelistAdd, { caller, body: parseOrThrow(ipWhitelistAddBody, body ?? {}) }, apiId);
    return { api_id: apiId, message: 'created', ...entry };
  }

  @Post('Settings')
  @HttpCode(202)
  async set(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Body() body: unknown) {
    const result = await this.rpc.call(IdentitySubjects.ipWhitelistSet, { caller, body: parseOrThrow(ipWhitelistSetBody, body ?? {}) }, apiId);
    return { api_id: apiId, message: 'changed', ...result };
  }

  @Delete(':entryId')
  @HttpCode(204)
  async remove(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('entryId') entryId: string): Promise<void> {
    await this.rpc.call(IdentitySubjects.ipWhitelistRemove, { caller, entry_id: entryId }, apiId);
  }
}
