import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { type ClientInfo, ConsoleSubjects as C } from '@signet/contracts/identity';
import { RpcClient } from '@signet/nats';
import { ApiId } from '../auth/caller.decorator.js';
import { Client, consoleCall } from './console-request.js';

/** What a person does before signing in: sign up, activate, prove the phone, log in, reset a password, accept an invitation. */
@Controller('console/v1')
export class ConsolePublicController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('signup')
  @HttpCode(201)
  signup(@ApiId() apiId: string, @Client() client: ClientInfo, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.signup, { client, body: body ?? {} });
  }

  @Post('signup/activate')
  @HttpCode(200)
  activate(@ApiId() apiId: string, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.activate, body ?? {});
  }

  @Post('signup/phone')
  @HttpCode(200)
  phone(@ApiId() apiId: string, @Client() client: ClientInfo, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.phoneVerify, { client, body: body ?? {} });
  }

  @Post('signup/phone/resend')
  @HttpCode(202)
  resend(@ApiId() apiId: string, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.phoneResend, body ?? {});
  }

  @Post('login')
  @HttpCode(200)
  login(@ApiId() apiId: string, @Client() client: ClientInfo, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.login, { client, body: body ?? {} });
  }

  @Post('login/challenge')
  @HttpCode(202)
  challenge(@ApiId() apiId: string, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.loginChallenge, body ?? {});
  }

  @Post('login/verify')
  @HttpCode(200)
  verify(@ApiId() apiId: string, @Client() client: ClientInfo, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.loginVerify, { client, body: body ?? {} });
  }

  @Post('token/refresh')
  @HttpCode(200)
  refresh(@ApiId() apiId: string, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.refresh, body ?? {});
  }

  @Post('password/forgot')
  @HttpCode(202)
  forgot(@ApiId() apiId: string, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.passwordForgot, body ?? {});
  }

  @Post('password/reset')
  @HttpCode(200)
  reset(@ApiId() apiId: string, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.passwordReset, body ?? {});
  }

  /** Where a user of an SSO domain starts: the identity provider's URL to send the browser to. */
  @Post('sso/start')
  @HttpCode(200)
  ssoStart(@ApiId() apiId: string, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.ssoStart, body ?? {});
  }

  /** The assertion consumer service: the identity provider posts its signed response here (form or JSON). */
  @Post('sso/acs')
  @HttpCode(200)
  ssoAcs(@ApiId() apiId: string, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.ssoAcs, body ?? {});
  }

  @Post('invitations/accept')
  @HttpCode(200)
  accept(@ApiId() apiId: string, @Body() body: unknown) {
    return consoleCall(this.rpc, apiId, C.inviteAccept, body ?? {});
  }
}
