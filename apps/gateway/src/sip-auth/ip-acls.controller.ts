import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { type Caller, pageSchema } from '@signet/contracts/common';
import { ipAclCreateBody, ipAclEntryBody, ipAclUpdateBody, SipAuthSubjects } from '@signet/contracts/sip-auth';
import { parseOrThrow } from '@signet/errors';
import { RpcClient } from '@signet/nats';
import { BasicAuthGuard } from '../auth/basic-auth.guard.js';
import { ApiId, CurrentCaller } from '../auth/caller.decorator.js';
import { withApiId } from '../http/api-request.js';
import { pageMeta } from '../http/page-meta.js';
import { SipAuthRateLimitGuard } from './sip-auth-rate-limit.guard.js';

@Controller('v1/Account/:authId/SipAuth/IpAccessControlList')
@UseGuards(BasicAuthGuard, SipAuthRateLimitGuard)
export class IpAclsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  async create(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Body() body: unknown) {
    const message = { caller, body: parseOrThrow(ipAclCreateBody, body ?? {}) };
    const acl = await this.rpc.call(SipAuthSubjects.ipAclCreate, message, apiId);
    return { api_id: apiId, ip_acl_uuid: acl.ip_acl_uuid };
  }

  @Get()
  async list(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Query() raw: Record<string, unknown>, @Param('authId') authId: string) {
    const query = parseOrThrow(pageSchema, raw);
    const result = await this.rpc.call(SipAuthSubjects.ipAclList, { caller, query }, apiId);
    const meta = pageMeta(`/v1/Account/${authId}/SipAuth/IpAccessControlList/`, raw, result.limit, result.offset, result.total_count);
    return { api_id: apiId, meta, objects: result.objects };
  }

  @Get(':uuid')
  async get(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('uuid') uuid: string) {
    return withApiId(apiId, await this.rpc.call(SipAuthSubjects.ipAclGet, { caller, ip_acl_uuid: uuid }, apiId));
  }

  @Post(':uuid')
  @HttpCode(202)
  async rename(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('uuid') uuid: string, @Body() body: unknown) {
    const message = { caller, ip_acl_uuid: uuid, body: parseOrThrow(ipAclUpdateBody, body ?? {}) };
    const acl = await this.rpc.call(SipAuthSubjects.ipAclUpdate, message, apiId);
    return { api_id: apiId, message: 'changed', ...acl };
  }

  @Delete(':uuid')
  @HttpCode(204)
  async delete(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('uuid') uuid: string): Promise<void> {
    await this.rpc.call(SipAuthSubjects.ipAclDelete, { caller, ip_acl_uuid: uuid }, apiId);
  }

  @Post(':uuid/Entry')
  @HttpCode(201)
  async addEntry(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('uuid') uuid: string, @Body() body: unknown) {
    const message = { caller, ip_acl_uuid: uuid, body: parseOrThrow(ipAclEntryBody, body ?? {}) };
    const entry = await this.rpc.call(SipAuthSubjects.ipAclEntryAdd, message, apiId);
    return { api_id: apiId, entry_id: entry.entry_id };
  }

  @Delete(':uuid/Entry/:entryId')
  @HttpCode(204)
  async removeEntry(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('uuid') uuid: string, @Param('entryId') entryId: string): Promise<void> {
    await this.rpc.call(SipAuthSubjects.ipAclEntryRemove, { caller, ip_acl_uuid: uuid, entry_id: entryId }, apiId);
  }
}
