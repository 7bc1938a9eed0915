import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { type ConsoleUser, IdentitySubjects, ipWhitelistAddBody, ipWhitelistSetBody, tokenRotateBody } from '@signet/contracts/identity';
import { appCreateBody, normalizeSessionListQuery, sessionListQuery, VerifySubjects } from '@signet/contracts/verify';
import { formatMoney, pageSchema } from '@signet/contracts/common';
import { parseOrThrow } from '@signet/errors';
import { RpcClient } from '@signet/nats';
import { ApiId } from '../auth/caller.decorator.js';
import { withApiId } from '../http/api-request.js';
import { ConsoleAuthGuard, Needs } from './console-auth.guard.js';
import { accountCaller, CurrentUser } from './console-request.js';

/**
 * The account's resources as the console shows them, each behind its role's permission, through the same service
 * logic the API uses (the console user acts as the main account).
 */
@Controller('console/v1')
@UseGuards(ConsoleAuthGuard)
export class ConsoleResourcesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('billing')
  @Needs('billing.read')
  async billing(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser) {
    const a = await this.rpc.call(IdentitySubjects.accountGet, { auth_id: user.auth_id }, apiId);
    return withApiId(apiId, {
      cash_credits: formatMoney(a.cash_credits_micros),
      billing_mode: a.billing_mode,
      auto_recharge: a.auto_recharge,
      account_type: a.account_type,
    });
  }

  @Get('logs/verify')
  @Needs('logs.read')
  async logs(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Query() raw: Record<string, unknown>) {
    const query = parseOrThrow(sessionListQuery, normalizeSessionListQuery(raw));
    return withApiId(apiId, await this.rpc.call(VerifySubjects.sessionList, { caller: accountCaller(user), query }, apiId));
  }

  @Get('applications')
  @Needs('apps.manage')
  async apps(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Query() raw: Record<string, unknown>) {
    return withApiId(apiId, await this.rpc.call(VerifySubjects.appList, { caller: accountCaller(user), query: parseOrThrow(pageSchema, raw) }, apiId));
  }

  @Post('applications')
  @HttpCode(201)
  @Needs('apps.manage')
  async createApp(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Body() body: unknown) {
    return withApiId(
      apiId,
      await this.rpc.call(VerifySubjects.appCreate, { caller: accountCaller(user), body: parseOrThrow(appCreateBody, body ?? {}) }, apiId),
    );
  }

  /** Regenerates the account's API auth token: the old one stops now or after 48 hours. */
  @Post('credentials/auth-token')
  @HttpCode(201)
  @Needs('credentials.manage')
  async rotate(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Body() body: unknown) {
    const rotated = await this.rpc.call(IdentitySubjects.tokenRotate, { caller: accountCaller(user), body: parseOrThrow(tokenRotateBody, body ?? {}) }, apiId);
    return withApiId(apiId, { message: 'auth token regenerated', ...rotated });
  }

  @Get('credentials/ip-whitelist')
  @Needs('credentials.manage')
  async whitelist(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser) {
    return withApiId(apiId, await this.rpc.call(IdentitySubjects.ipWhitelistList, { caller: accountCaller(user) }, apiId));
  }

  @Post('credentials/ip-whitelist')
  @HttpCode(201)
  @Needs('credentials.manage')
  async addWhitelist(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Body() body: unknown) {
    return withApiId(
      apiId,
      await this.rpc.call(IdentitySubjects.ipWhitelistAdd, { caller: accountCaller(user), body: parseOrThrow(ipWhitelistAddBody, body ?? {}) }, apiId),
    );
  }

  @Post('credentials/ip-whitelist/settings')
  @HttpCode(202)
  @Needs('credentials.manage')
  async setWhitelist(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Body() body: unknown) {
    return withApiId(
      apiId,
      await this.rpc.call(IdentitySubjects.ipWhitelistSet, { caller: accountCaller(user), body: parseOrThrow(ipWhitelistSetBody, body ?? {}) }, apiId),
    );
  }

  @Delete('credentials/ip-whitelist/:entryId')
  @HttpCode(204)
  @Needs('credentials.manage')
  async removeWhitelist(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Param('entryId') entryId: string): Promise<void> {
    await this.rpc.call(IdentitySubjects.ipWhitelistRemove, { caller: accountCaller(user), entry_id: entryId }, apiId);
  }
}
