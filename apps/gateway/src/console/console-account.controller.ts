import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, UseGuards } from '@nestjs/common';
import { ConsoleSubjects as C, type ConsoleUser } from '@signet/contracts/identity';
import { RpcClient } from '@signet/nats';
import { ApiId } from '../auth/caller.decorator.js';
import { ConsoleAuthGuard, Needs } from './console-auth.guard.js';
import { consoleCall, CurrentUser } from './console-request.js';

/** The signed-in user's profile and session; the team; the domain's SSO connection. */
@Controller('console/v1')
@UseGuards(ConsoleAuthGuard)
export class ConsoleAccountController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('me')
  @Needs('profile')
  me(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser) {
    return consoleCall(this.rpc, apiId, C.me, { user, body: {} });
  }

  @Post('logout')
  @HttpCode(200)
  @Needs('profile')
  logout(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser) {
    return consoleCall(this.rpc, apiId, C.logout, { user, body: {} });
  }

  @Get('sso')
  @Needs('sso.manage')
  ssoGet(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser) {
    return consoleCall(this.rpc, apiId, C.ssoGet, { user, body: {} });
  }

  @Put('sso')
  @Needs('sso.manage')
  ssoSet(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.ssoSet, { user, body: body ?? {} });
  }

  @Delete('sso')
  @Needs('sso.manage')
  ssoDelete(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser) {
    return consoleCall(this.rpc, apiId, C.ssoDelete, { user, body: {} });
  }

  @Get('team')
  @Needs('team.manage')
  team(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser) {
    return consoleCall(this.rpc, apiId, C.teamList, { user, body: {} });
  }

  @Post('team')
  @HttpCode(201)
  @Needs('team.manage')
  invite(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.teamInvite, { user, body: body ?? {} });
  }

  @Patch('team/:userId')
  @Needs('team.manage')
  setRole(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Param('userId') userId: string, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.teamUpdate, { user, body: { ...((body as object) ?? {}), user_id: userId } });
  }

  @Delete('team/:userId')
  @Needs('team.manage')
  remove(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Param('userId') userId: string) {
    return consoleCall(this.rpc, apiId, C.teamRemove, { user, body: { user_id: userId } });
  }
}
