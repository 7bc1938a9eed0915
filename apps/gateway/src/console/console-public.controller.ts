import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { type ClientInfo, ConsoleSubjects } from '@signet/contracts/identity';
import { RpcClient } from '@signet/nats';
import { ApiId } from '../auth/caller.decorator.js';
import { withApiId } from '../http/api-request.js';
import { Client } from './console-request.js';

/** What a person does before signing in: sign up, activate, prove the phone, log in, reset a password, accept an invitation. */
@Controller('console/v1')
export class ConsolePublicController {
  constructor(private readonly rpc: RpcClient) {}

  private async call(apiId: string, subject: string, message: unknown) {
    return withApiId(apiId, (await this.rpc.request(subject, message, apiId)) as object);
  }

  @Post('signup')
  @HttpCode(201)
  signup(@ApiId() apiId: string, @Client() client: ClientInfo, @Body() body: unknown) {
    return this.call(apiId, ConsoleSubjects.signup, { client, body: body ?? {} });
  }

  @Post('signup/activate')
  @HttpCode(200)
  activate(@ApiId() apiId: string, @Body() body: unknown) {
    return this.call(apiId, ConsoleSubjects.activate, body ?? {});
  }

  @Post('signup/phone')
  @HttpCode(200)
  phone(@ApiId() apiId: string, @Client() client: ClientInfo, @Body() body: unknown) {
    return this.call(apiId, ConsoleSubjects.phoneVerify, { client, body: body ?? {} });
  }

  @Post('signup/phone/resend')
  @HttpCode(202)
  resend(@ApiId() apiId: string, @Body() body: unknown) {
    return this.call(apiId, ConsoleSubjects.phoneResend, body ?? {});
  }

  @Post('login')
  @HttpCode(200)
  login(@ApiId() apiId: string, @Client() client: ClientInfo, @Body() body: unknown) {
    return this.call(apiId, ConsoleSubjects.login, { client, body: body ?? {} });
  }

  @Post('login/challenge')
  @HttpCode(202)
  challenge(@ApiId() apiId: string, @Body() body: unknown) {
    return this.call(apiId, ConsoleSubjects.loginChallenge, body ?? {});
  }

  @Post('login/verify')
  @HttpCode(200)
  verify(@ApiId() apiId: string, @Client() client: ClientInfo, @Body() body: unknown) {
    return this.call(apiId, ConsoleSubjects.loginVerify, { client, body: body ?? {} });
  }

  @Post('token/refresh')
  @HttpCode(200)
  refresh(@ApiId() apiId: string, @Body() body: unknown) {
    return this.call(apiId, ConsoleSubjects.refresh, body ?? {});
  }

  @Post('password/forgot')
  @HttpCode(202)
  forgot(@ApiId() apiId: string, @Body() body: unknown) {
    return this.call(apiId, ConsoleSubjects.passwordForgot, body ?? {});
  }

  @Post('password/reset')
  @HttpCode(200)
  reset(@ApiId() apiId: string, @Body() body: unknown) {
    return this.call(apiId, ConsoleSubjects.passwordReset, body ?? {});
  }

  /** Where a user of an SSO domain starts: the identity provider's URL to send the browser to. */
  @Post('sso/start')
  @HttpCode(200)
  ssoStart(@ApiId() apiId: string, @Body() body: unknown) {
    return this.call(apiId, ConsoleSubjects.ssoStart, body ?? {});
  }

  /** The assertion consumer service: the identity provider posts its signed response here (form or JSON). */
  @Post('sso/acs')
  @HttpCode(200)
  ssoAcs(@ApiId() apiId: string, @Body() body: unknown) {
    return this.call(apiId, ConsoleSubjects.ssoAcs, body ?? {});
  }

  @Post('invitations/accept')
  @HttpCode(200)
  accept(@ApiId() apiId: string, @Body() body: unknown) {
    return this.call(apiId, ConsoleSubjects.inviteAccept, body ?? {});
  }
}
