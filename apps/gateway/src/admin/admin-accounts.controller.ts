import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { adminAccountCreateBody, adminAccountListQuery, IdentitySubjects } from '@signet/contracts/identity';
import { parseOrThrow } from '@signet/errors';
import { RpcClient } from '@signet/nats';
import { AdminAuthGuard } from '../auth/admin-auth.guard.js';
import { ApiId } from '../auth/caller.decorator.js';
import { withApiId } from '../http/api-request.js';
import { renderAdminAccount } from '../http/money-views.js';
import { pageMeta } from '../http/page-meta.js';

/** The operators' account lifecycle; closing is irreversible. */
@Controller('admin/v1/Account')
@UseGuards(AdminAuthGuard)
export class AdminAccountsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  async create(@ApiId() apiId: string, @Body() body: unknown) {
    const created = await this.rpc.call(IdentitySubjects.adminAccountCreate, parseOrThrow(adminAccountCreateBody, body ?? {}), apiId);
    return { api_id: apiId, message: 'created', ...created, account: renderAdminAccount(created.account) };
  }

  @Get()
  async list(@ApiId() apiId: string, @Query() raw: Record<string, unknown>) {
    const result = await this.rpc.call(IdentitySubjects.adminAccountList, parseOrThrow(adminAccountListQuery, raw), apiId);
    return {
      api_id: apiId,
      meta: pageMeta('/admin/v1/Account/', raw, result.limit, result.offset, result.total_count),
      objects: result.objects.map(renderAdminAccount),
    };
  }

  @Get(':authId')
  async get(@ApiId() apiId: string, @Param('authId') authId: string) {
    return withApiId(apiId, renderAdminAccount(await this.rpc.call(IdentitySubjects.adminAccountGet, { auth_id: authId }, apiId)));
  }

  @Post(':authId/Suspend')
  @HttpCode(202)
  async suspend(@ApiId() apiId: string, @Param('authId') authId: string) {
    return withApiId(apiId, { message: 'suspended', ...(await this.rpc.call(IdentitySubjects.adminAccountSuspend, { auth_id: authId }, apiId)) });
  }

  @Post(':authId/Reactivate')
  @HttpCode(202)
  async reactivate(@ApiId() apiId: string, @Param('authId') authId: string) {
    return withApiId(apiId, { message: 'reactivated', ...(await this.rpc.call(IdentitySubjects.adminAccountReactivate, { auth_id: authId }, apiId)) });
  }

  @Post(':authId/Close')
  @HttpCode(202)
  async close(@ApiId() apiId: string, @Param('authId') authId: string) {
    return withApiId(apiId, { message: 'closed', ...(await this.rpc.call(IdentitySubjects.adminAccountClose, { auth_id: authId }, apiId)) });
  }
}
