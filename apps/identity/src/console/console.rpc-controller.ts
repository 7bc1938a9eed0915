import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, type NatsContext, Payload } from '@nestjs/microservices';
import {
  authenticateConsoleRequest,
  consoleCall,
  ConsoleSubjects,
  devOutboxRequest,
  inviteAcceptBody,
  loginChallengeBody,
  loginRequest,
  loginVerifyRequest,
  passwordChangeBody,
  passwordForgotBody,
  passwordResetBody,
  phoneResendBody,
  phoneVerifyBody,
  recoveryRegenerateBody,
  refreshBody,
  signupRequest,
  teamInviteBody,
  teamRemoveBody,
  teamUpdateBody,
  tokenBody,
  totpConfirmBody,
  clientInfo,
  ssoAcsBody,
  ssoSetBody,
  ssoStartBody,
} from '@signet/contracts/identity';
import { parseOrThrow } from '@signet/errors';
import { apiIdOf } from '@signet/nats';
import { z } from 'zod';
import { AccountCareService } from './account-care.service.js';
import { LoginService } from './login.service.js';
import { PhoneVerifier } from './phone-verifier.js';
import { SignupService } from './signup.service.js';
import { TeamService } from './team.service.js';
import { TotpService } from './totp.service.js';
import { ConsoleUsersRepository } from './console-users.repository.js';
import { userNotFound } from './console-errors.js';
import { SsoService } from './sso/sso.service.js';

const withClient = <S extends z.ZodType>(body: S) => z.object({ client: clientInfo, body });
const noBody = consoleCall(z.object({}).passthrough());

/** Identity's API for people, reached through the gateway's /console/v1/…; role checks happen there and again here. */
@Controller()
export class ConsoleRpcController {
  constructor(
    private readonly signupService: SignupService,
    private readonly login: LoginService,
    private readonly care: AccountCareService,
    private readonly totp: TotpService,
    private readonly team: TeamService,
    private readonly users: ConsoleUsersRepository,
    private readonly phones: PhoneVerifier,
    private readonly sso: SsoService,
  ) {}

  @MessagePattern(ConsoleSubjects.signup)
  signup(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return this.signupService.signup(parseOrThrow(signupRequest, data), apiIdOf(ctx));
  }

  @MessagePattern(ConsoleSubjects.activate)
  activate(@Payload() data: unknown) {
    return this.signupService.activate(parseOrThrow(tokenBody, data).token);
  }

  @MessagePattern(ConsoleSubjects.phoneVerify)
  phoneVerify(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    const { client, body } = parseOrThrow(withClient(phoneVerifyBody), data);
    return this.signupService.verifyPhone(body.token, body.code, client.ip, apiIdOf(ctx));
  }

  @MessagePattern(ConsoleSubjects.phoneResend)
  phoneResend(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    const body = parseOrThrow(phoneResendBody, data);
    return this.signupService.resendPhoneCode(body.token, body.channel as 'sms' | 'voice', apiIdOf(ctx));
  }

  @MessagePattern(ConsoleSubjects.login)
  start(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return this.login.start(parseOrThrow(loginRequest, data), apiIdOf(ctx));
  }

  @MessagePattern(ConsoleSubjects.loginChallenge)
  challenge(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    const body = parseOrThrow(loginChallengeBody, data);
    return this.login.challenge(body.login_token, body.channel as 'sms' | 'voice', apiIdOf(ctx));
  }

  @MessagePattern(ConsoleSubjects.loginVerify)
  verify(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return this.login.verify(parseOrThrow(loginVerifyRequest, data), apiIdOf(ctx));
  }

  @MessagePattern(ConsoleSubjects.refresh)
  refresh(@Payload() data: unknown) {
    return this.login.refresh(parseOrThrow(refreshBody, data).refresh_token);
  }

  @MessagePattern(ConsoleSubjects.authenticate)
  authenticate(@Payload() data: unknown) {
    return this.login.authenticate(parseOrThrow(authenticateConsoleRequest, data).access_token);
  }

  @MessagePattern(ConsoleSubjects.logout)
  async logout(@Payload() data: unknown) {
    await this.login.logout(parseOrThrow(noBody, data).user);
    return { message: 'signed out' };
  }

  @MessagePattern(ConsoleSubjects.me)
  async me(@Payload() data: unknown) {
    const view = await this.users.view(parseOrThrow(noBody, data).user.user_id);
    if (!view) throw userNotFound();
    return view;
  }

  @MessagePattern(ConsoleSubjects.passwordForgot)
  forgot(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return this.care.forgot(parseOrThrow(passwordForgotBody, data).email, apiIdOf(ctx));
  }

  @MessagePattern(ConsoleSubjects.passwordReset)
  reset(@Payload() data: unknown) {
    const body = parseOrThrow(passwordResetBody, data);
    return this.care.reset(body.token, body.password);
  }

  @MessagePattern(ConsoleSubjects.passwordChange)
  change(@Payload() data: unknown) {
    const { user, client, body } = parseOrThrow(consoleCall(passwordChangeBody), data);
    return this.care.change(user, client?.ip ?? '-', body.current_password, body.new_password);
  }

  @MessagePattern(ConsoleSubjects.totpEnrol)
  totpEnrol(@Payload() data: unknown) {
    return this.totp.enrol(parseOrThrow(noBody, data).user);
  }

  @MessagePattern(ConsoleSubjects.totpConfirm)
  totpConfirm(@Payload() data: unknown) {
    const { user, body } = parseOrThrow(consoleCall(totpConfirmBody), data);
    return this.totp.confirm(user, body.code);
  }

  @MessagePattern(ConsoleSubjects.recoveryRegenerate)
  recoveryRegenerate(@Payload() data: unknown) {
    const { user, body } = parseOrThrow(consoleCall(recoveryRegenerateBody), data);
    return this.totp.regenerate(user, body.code);
  }

  @MessagePattern(ConsoleSubjects.teamList)
  async teamList(@Payload() data: unknown) {
    return { members: await this.team.list(parseOrThrow(noBody, data).user) };
  }

  @MessagePattern(ConsoleSubjects.teamInvite)
  teamInvite(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    const { user, body } = parseOrThrow(consoleCall(teamInviteBody), data);
    return this.team.invite(user, body.email, body.role, apiIdOf(ctx));
  }

  @MessagePattern(ConsoleSubjects.inviteAccept)
  inviteAccept(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return this.team.accept(parseOrThrow(inviteAcceptBody, data), apiIdOf(ctx));
  }

  @MessagePattern(ConsoleSubjects.teamUpdate)
  teamUpdate(@Payload() data: unknown) {
    const { user, body } = parseOrThrow(consoleCall(teamUpdateBody), data);
    return this.team.setRole(user, body.user_id, body.role);
  }

  @MessagePattern(ConsoleSubjects.teamRemove)
  async teamRemove(@Payload() data: unknown) {
    const { user, body } = parseOrThrow(consoleCall(teamRemoveBody), data);
    await this.team.remove(user, body.user_id);
    return { message: 'removed' };
  }

  @MessagePattern(ConsoleSubjects.ssoSet)
  ssoSet(@Payload() data: unknown) {
    const { user, body } = parseOrThrow(consoleCall(ssoSetBody), data);
    return this.sso.set(user, body);
  }

  @MessagePattern(ConsoleSubjects.ssoGet)
  ssoGet(@Payload() data: unknown) {
    return this.sso.get(parseOrThrow(noBody, data).user);
  }

  @MessagePattern(ConsoleSubjects.ssoDelete)
  async ssoDelete(@Payload() data: unknown) {
    await this.sso.remove(parseOrThrow(noBody, data).user);
    return { message: 'SSO connection deleted: the domain logs in with passwords again' };
  }

  @MessagePattern(ConsoleSubjects.ssoStart)
  ssoStart(@Payload() data: unknown) {
    return this.sso.start(parseOrThrow(ssoStartBody, data).email);
  }

  @MessagePattern(ConsoleSubjects.ssoAcs)
  ssoAcs(@Payload() data: unknown) {
    return this.sso.acs(parseOrThrow(ssoAcsBody, data));
  }

  /** Development only (the gateway mounts its route outside production): the codes identity's own account sent. */
  @MessagePattern(ConsoleSubjects.devOutbox)
  devOutbox(@Payload() data: unknown) {
    return this.phones.outbox(parseOrThrow(devOutboxRequest, data).recipient);
  }
}
