import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import type { Caller } from '@signet/contracts/common';
import { templateBody, VerifySubjects } from '@signet/contracts/verify';
import { parseOrThrow } from '@signet/errors';
import { RpcClient } from '@signet/nats';
import { BasicAuthGuard } from '../auth/basic-auth.guard.js';
import { ApiId, CurrentCaller } from '../auth/caller.decorator.js';

/** An app's own translations of its message: one text per locale, each holding `${code}`. */
@Controller('v1/Account/:authId/Verify/App/:uuid/Template')
@UseGuards(BasicAuthGuard)
export class TemplatesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  async set(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('uuid') uuid: string, @Body() body: unknown) {
    const template = await this.rpc.call(VerifySubjects.templateSet, { caller, app_uuid: uuid, body: parseOrThrow(templateBody, body ?? {}) }, apiId);
    return { api_id: apiId, message: 'created', ...template };
  }

  @Get()
  async list(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('uuid') uuid: string) {
    return { api_id: apiId, ...(await this.rpc.call(VerifySubjects.templateList, { caller, app_uuid: uuid }, apiId)) };
  }

  @Delete(':locale')
  @HttpCode(204)
  async delete(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('uuid') uuid: string, @Param('locale') locale: string): Promise<void> {
    await this.rpc.call(VerifySubjects.templateDelete, { caller, app_uuid: uuid, locale }, apiId);
  }
}
