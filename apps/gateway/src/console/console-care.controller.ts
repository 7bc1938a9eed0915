import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { type ClientInfo, ConsoleSubjects as C, type ConsoleUser } from '@signet/contracts/identity';
import { RpcClient } from '@signet/nats';
import { ApiId } from '../auth/caller.decorator.js';
import { ConsoleAuthGuard, Needs } from './console-auth.guard.js';
import { Client, consoleCall, CurrentUser } from './console-request.js';

/** The signed-in user's care of their own login: password, re-authentication, login email, 2FA phone and authenticator. */
@Controller('console/v1')
@UseGuards(ConsoleAuthGuard)
export class ConsoleCareController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('password/change')
  @HttpCode(200)
  @Needs('profile')
  changePassword(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Client() client: ClientInfo, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.passwordChange, { user, client, body: body ?? {} });
  }

  /** Step one of re-authentication: the password again; then the second factor, as at login. */
  @Post('reauth')
  @HttpCode(200)
  @Needs('profile')
  reauth(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Client() client: ClientInfo, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.reauth, { user, client, body: body ?? {} });
  }

  @Post('reauth/verify')
  @HttpCode(200)
  @Needs('profile')
  reauthVerify(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Client() client: ClientInfo, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.reauthVerify, { user, client, body: body ?? {} });
  }

  @Post('email/change')
  @HttpCode(202)
  @Needs('ownership')
  changeEmail(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.emailChange, { user, body: body ?? {} });
  }

  @Post('email/change/confirm')
  @HttpCode(200)
  @Needs('ownership')
  confirmEmail(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.emailConfirm, { user, body: body ?? {} });
  }

  @Post('2fa/phone')
  @HttpCode(202)
  @Needs('profile')
  changePhone(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.phoneChange, { user, body: body ?? {} });
  }

  @Post('2fa/phone/confirm')
  @HttpCode(200)
  @Needs('profile')
  confirmPhone(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Client() client: ClientInfo, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.phoneConfirm, { user, client, body: body ?? {} });
  }

  @Post('2fa/totp')
  @HttpCode(201)
  @Needs('profile')
  totpEnrol(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser) {
    return consoleCall(this.rpc, apiId, C.totpEnrol, { user, body: {} });
  }

  @Post('2fa/totp/confirm')
  @HttpCode(200)
  @Needs('profile')
  totpConfirm(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.totpConfirm, { user, body: body ?? {} });
  }

  @Post('2fa/recovery-codes')
  @HttpCode(201)
  @Needs('profile')
  recovery(@ApiId() apiId: string, @CurrentUser() user: ConsoleUser, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.recoveryRegenerate, { user, body: body ?? {} });
  }
}
