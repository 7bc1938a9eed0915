import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, UseGuards } from '@nestjs/common';
import { type ClientInfo, ConsoleSubjects, type ConsoleUser } from '@signet/contracts/identity';
import { RpcClient } from '@signet/nats';
import { ApiId } from '../auth/caller.decorator.js';
import { withApiId } from '../http/api-request.js';
import { ConsoleAuthGuard, Needs } from './console-auth.guard.js';
import { Client, CurrentUser } from './console-request.js';

/** The signed-in user's own profile, password, 2FA and session; and the team. */
@Controller('console/v1')
@UseGuards(ConsoleAuthGuard)
export class ConsoleAccountController {
  constructor(private readonly rpc: RpcClient) {}

  private async call(apiId: string, subject: string, user: ConsoleUser, body: unknown = {}, client?: ClientInfo) {
    return withApiId(apiId, (await this.rpc.request(subject, { user, client, body: body ?? {} }, apiId)) as object);
  }

  @Get('me')
  @Needs('profile')
  me(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser) {
    return this.call(apiId, ConsoleSubjects.me, user);
  }

  @Post('logout')
  @HttpCode(200)
  @Needs('profile')
  logout(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser) {
    return this.call(apiId, ConsoleSubjects.logout, user);
  }

  @Post('password/change')
  @HttpCode(200)
  @Needs('profile')
  changePassword(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Client() client: ClientInfo, @Body() body: unknown) {
    return this.call(apiId, ConsoleSubjects.passwordChange, user, body, client);
  }

  @Post('2fa/totp')
  @HttpCode(201)
  @Needs('profile')
  totpEnrol(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser) {
    return this.call(apiId, ConsoleSubjects.totpEnrol, user);
  }

  @Post('2fa/totp/confirm')
  @HttpCode(200)
  @Needs('profile')
  totpConfirm(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Body() body: unknown) {
    return this.call(apiId, ConsoleSubjects.totpConfirm, user, body);
  }

  @Post('2fa/recovery-codes')
  @HttpCode(201)
  @Needs('profile')
  recovery(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Body() body: unknown) {
    return this.call(apiId, ConsoleSubjects.recoveryRegenerate, user, body);
  }

  @Get('sso')
  @Needs('sso.manage')
  ssoGet(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser) {
    return this.call(apiId, ConsoleSubjects.ssoGet, user);
  }

  @Put('sso')
  @Needs('sso.manage')
  ssoSet(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Body() body: unknown) {
    return this.call(apiId, ConsoleSubjects.ssoSet, user, body);
  }

  @Delete('sso')
  @Needs('sso.manage')
  ssoDelete(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser) {
    return this.call(apiId, ConsoleSubjects.ssoDelete, user);
  }

  @Get('team')
  @Needs('team.manage')
  team(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser) {
    return this.call(apiId, ConsoleSubjects.teamList, user);
  }

  @Post('team')
  @HttpCode(201)
  @Needs('team.manage')
  invite(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Body() body: unknown) {
    return this.call(apiId, ConsoleSubjects.teamInvite, user, body);
  }

  @Patch('team/:userId')
  @Needs('team.manage')
  setRole(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Param('userId') userId: string, @Body() body: unknown) {
    return this.call(apiId, ConsoleSubjects.teamUpdate, user, { ...((body as object) ?? {}), user_id: userId });
  }

  @Delete('team/:userId')
  @Needs('team.manage')
  remove(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Param('userId') userId: string) {
    return this.call(apiId, ConsoleSubjects.teamRemove, user, { user_id: userId });
  }
}
