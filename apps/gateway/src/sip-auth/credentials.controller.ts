import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { type Caller, pageSchema } from '@signet/contracts/common';
import { credentialCreateBody, credentialUpdateBody, SipAuthSubjects } from '@signet/contracts/sip-auth';
import { parseOrThrow } from '@signet/errors';
import { RpcClient } from '@signet/nats';
import { BasicAuthGuard } from '../auth/basic-auth.guard.js';
import { ApiId, CurrentCaller } from '../auth/caller.decorator.js';
import { withApiId } from '../http/api-request.js';
import { pageMeta } from '../http/page-meta.js';
import { SipAuthRateLimitGuard } from './sip-auth-rate-limit.guard.js';

@Controller('v1/Account/:authId/SipAuth/Credential')
@UseGuards(BasicAuthGuard, SipAuthRateLimitGuard)
export class SipCredentialsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  async create(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Body() body: unknown) {
    const message = { caller, body: parseOrThrow(credentialCreateBody, body ?? {}) };
    return withApiId(apiId, await this.rpc.call(SipAuthSubjects.credentialCreate, message, apiId));
  }

  @Get()
  async list(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Query() raw: Record<string, unknown>, @Param('authId') authId: string) {
    const query = parseOrThrow(pageSchema, raw);
    const result = await this.rpc.call(SipAuthSubjects.credentialList, { caller, query }, apiId);
    const meta = pageMeta(`/v1/Account/${authId}/SipAuth/Credential/`, raw, result.limit, result.offset, result.total_count);
    return { api_id: apiId, meta, objects: result.objects };
  }

  @Get(':uuid')
  async get(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('uuid') uuid: string) {
    return withApiId(apiId, await this.rpc.call(SipAuthSubjects.credentialGet, { caller, credential_uuid: uuid }, apiId));
  }

  @Post(':uuid')
  @HttpCode(202)
  async update(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('uuid') uuid: string, @Body() body: unknown) {
    const message = { caller, credential_uuid: uuid, body: parseOrThrow(credentialUpdateBody, body ?? {}) };
    const credential = await this.rpc.call(SipAuthSubjects.credentialUpdate, message, apiId);
    return { api_id: apiId, message: 'changed', ...credential };
  }

  @Delete(':uuid')
  @HttpCode(204)
  async delete(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('uuid') uuid: string): Promise<void> {
    await this.rpc.call(SipAuthSubjects.credentialDelete, { caller, credential_uuid: uuid }, apiId);
  }
}
