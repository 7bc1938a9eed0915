import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { type Caller, pageSchema } from '@signet/contracts/common';
import { applicationCreateBody, applicationUpdateBody, SipAuthSubjects } from '@signet/contracts/sip-auth';
import { parseOrThrow } from '@signet/errors';
import { RpcClient } from '@signet/nats';
import { BasicAuthGuard } from '../auth/basic-auth.guard.js';
import { ApiId, CurrentCaller } from '../auth/caller.decorator.js';
import { withApiId } from '../http/api-request.js';
import { pageMeta } from '../http/page-meta.js';
import { assertCallableUrl } from '../http/public-url.js';
import { SipAuthRateLimitGuard } from './sip-auth-rate-limit.guard.js';

/** Plivo's Application API, as far as SIP authentication needs it (sip-auth owns the bindings). */
@Controller('v1/Account/:authId/Application')
@UseGuards(BasicAuthGuard, SipAuthRateLimitGuard)
export class ApplicationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  async create(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Body() body: unknown) {
    const message = { caller, body: parseOrThrow(applicationCreateBody, body ?? {}) };
    await assertCallableUrl('answer_url', message.body.answer_url);
    const app = await this.rpc.call(SipAuthSubjects.applicationCreate, message, apiId);
    return { api_id: apiId, message: 'created', app_id: app.app_id };
  }

  @Get()
  async list(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Query() raw: Record<string, unknown>, @Param('authId') authId: string) {
    const query = parseOrThrow(pageSchema, raw);
    const result = await this.rpc.call(SipAuthSubjects.applicationList, { caller, query }, apiId);
    const meta = pageMeta(`/v1/Account/${authId}/Application/`, raw, result.limit, result.offset, result.total_count);
    return { api_id: apiId, meta, objects: result.objects };
  }

  @Get(':appId')
  async get(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('appId') appId: string) {
    return withApiId(apiId, await this.rpc.call(SipAuthSubjects.applicationGet, { caller, app_id: appId }, apiId));
  }

  @Post(':appId')
  @HttpCode(202)
  async update(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('appId') appId: string, @Body() body: unknown) {
    const message = { caller, app_id: appId, body: parseOrThrow(applicationUpdateBody, body ?? {}) };
    await assertCallableUrl('answer_url', message.body.answer_url);
    await this.rpc.call(SipAuthSubjects.applicationUpdate, message, apiId);
    return { api_id: apiId, message: 'changed' };
  }

  @Delete(':appId')
  @HttpCode(204)
  async delete(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('appId') appId: string): Promise<void> {
    await this.rpc.call(SipAuthSubjects.applicationDelete, { caller, app_id: appId }, apiId);
  }
}
