import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { type Caller, pageSchema } from '@signet/contracts/common';
import { IdentitySubjects, subaccountCreateBody, subaccountDeleteArgs, subaccountUpdateBody } from '@signet/contracts/identity';
import { parseOrThrow } from '@signet/errors';
import { RpcClient } from '@signet/nats';
import { BasicAuthGuard } from '../auth/basic-auth.guard.js';
import { ApiId, CurrentCaller } from '../auth/caller.decorator.js';
import { withApiId } from '../http/api-request.js';
import { pageMeta } from '../http/page-meta.js';

@Controller('v1/Account/:authId/Subaccount')
@UseGuards(BasicAuthGuard)
export class SubaccountsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  async create(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Body() body: unknown) {
    const created = await this.rpc.call(IdentitySubjects.subaccountCreate, { caller, body: parseOrThrow(subaccountCreateBody, body ?? {}) }, apiId);
    return { api_id: apiId, ...created, message: 'created' };
  }

  @Get()
  async list(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Query() raw: Record<string, unknown>, @Param('authId') authId: string) {
    const result = await this.rpc.call(IdentitySubjects.subaccountList, { caller, query: parseOrThrow(pageSchema, raw) }, apiId);
    return {
      api_id: apiId,
      meta: pageMeta(`/v1/Account/${authId}/Subaccount/`, raw, result.limit, result.offset, result.total_count),
      objects: result.objects,
    };
  }

  @Get(':subaccountId')
  async get(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('subaccountId') id: string) {
    return withApiId(apiId, await this.rpc.call(IdentitySubjects.subaccountGet, { caller, subaccount_id: id }, apiId));
  }

  @Post(':subaccountId')
  @HttpCode(202)
  async update(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('subaccountId') id: string, @Body() body: unknown) {
    await this.rpc.call(IdentitySubjects.subaccountUpdate, { caller, subaccount_id: id, body: parseOrThrow(subaccountUpdateBody, body ?? {}) }, apiId);
    return { api_id: apiId, message: 'changed' };
  }

  /** `cascade` may come in the query string or, as the Node SDK sends it, in a JSON body. */
  @Delete(':subaccountId')
  @HttpCode(204)
  async delete(
    @ApiId() apiId: string,
    @CurrentCaller() caller: Caller,
    @Param('subaccountId') id: string,
    @Query() query: Record<string, unknown>,
    @Body() body: unknown,
  ) {
    const args = parseOrThrow(subaccountDeleteArgs, { ...query, ...(body ?? {}) });
    await this.rpc.call(IdentitySubjects.subaccountDelete, { caller, subaccount_id: id, body: args }, apiId);
  }
}
