import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { type Caller, pageSchema } from '@signet/contracts/common';
import { appCreateBody, appUpdateBody, VerifySubjects } from '@signet/contracts/verify';
import { parseOrThrow } from '@signet/errors';
import { RpcClient } from '@signet/nats';
import { BasicAuthGuard } from '../auth/basic-auth.guard.js';
import { ApiId, CurrentCaller } from '../auth/caller.decorator.js';
import { pageMeta } from '../http/page-meta.js';

@Controller('v1/Account/:authId/Verify/App')
@UseGuards(BasicAuthGuard)
export class AppsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  async create(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Body() body: unknown) {
    const app = await this.rpc.call(VerifySubjects.appCreate, { caller, body: parseOrThrow(appCreateBody, body ?? {}) }, apiId);
    return { api_id: apiId, message: 'created', app_uuid: app.app_uuid, verify_app: app };
  }

  @Get()
  async list(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Query() raw: Record<string, unknown>, @Param('authId') authId: string) {
    const query = parseOrThrow(pageSchema, raw);
    const result = await this.rpc.call(VerifySubjects.appList, { caller, query }, apiId);
    const meta = pageMeta(`/v1/Account/${authId}/Verify/App/`, raw, result.limit, result.offset, result.total_count);
    return { api_id: apiId, meta, verify_apps: result.verify_apps };
  }

  @Get(':uuid')
  async get(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('uuid') uuid: string) {
    return { api_id: apiId, verify_app: await this.rpc.call(VerifySubjects.appGet, { caller, app_uuid: uuid }, apiId) };
  }

  @Post(':uuid')
  @HttpCode(202)
  async update(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('uuid') uuid: string, @Body() body: unknown) {
    const message = { caller, app_uuid: uuid, body: parseOrThrow(appUpdateBody, body ?? {}) };
    return { api_id: apiId, message: 'changed', verify_app: await this.rpc.call(VerifySubjects.appUpdate, message, apiId) };
  }

  @Delete(':uuid')
  @HttpCode(204)
  async delete(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('uuid') uuid: string): Promise<void> {
    await this.rpc.call(VerifySubjects.appDelete, { caller, app_uuid: uuid }, apiId);
  }
}
