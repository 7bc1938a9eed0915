import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, type NatsContext, Payload } from '@nestjs/microservices';
import { ConsoleSubjects as C } from '@signet/contracts/identity';
import { apiIdOf, type RpcReply, rpcRequest } from '@signet/nats';
import { userNotFound } from './console-errors.js';
import { ConsoleUsersRepository } from './console-users.repository.js';
import { LoginService } from './login.service.js';
import { PhoneVerifier } from './phone-verifier.js';
import { SignupService } from './signup.service.js';
import { SsoService } from './sso/sso.service.js';
import { TeamService } from './team.service.js';

/**
 * Identity's API for people, reached through the gateway's /console/v1/…: signing up and in, sessions, the team and
 * SSO (account care is in AccountCareRpcController). Role checks happen at the gateway and again here.
 */
@Controller()
export class ConsoleRpcController {
  constructor(
    private readonly signupService: SignupService,
    private readonly login: LoginService,
    private readonly team: TeamService,
    private readonly users: ConsoleUsersRepository,
    private readonly phones: PhoneVerifier,
    private readonly sso: SsoService,
  ) {}

  @MessagePattern(C.signup)
  signup(@Payload() data: unknown, @Ctx() ctx: NatsContext): RpcReply<typeof C.signup> {
    return this.signupService.signup(rpcRequest(C.signup, data), apiIdOf(ctx));
  }

  @MessagePattern(C.activate)
  activate(@Payload() data: unknown): RpcReply<typeof C.activate> {
    return this.signupService.activate(rpcRequest(C.activate, data).token);
  }

  @MessagePattern(C.phoneVerify)
  phoneVerify(@Payload() data: unknown, @Ctx() ctx: NatsContext): RpcReply<typeof C.phoneVerify> {
    const { client, body } = rpcRequest(C.phoneVerify, data);
    return this.signupService.verifyPhone(body.token, body.code, client.ip, apiIdOf(ctx));
  }

  @MessagePattern(C.phoneResend)
  phoneResend(@Payload() data: unknown, @Ctx() ctx: NatsContext): RpcReply<typeof C.phoneResend> {
    const body = rpcRequest(C.phoneResend, data);
    return this.signupService.resendPhoneCode(body.token, body.channel, apiIdOf(ctx));
  }

  @MessagePattern(C.login)
  start(@Payload() data: unknown, @Ctx() ctx: NatsContext): RpcReply<typeof C.login> {
    return this.login.start(rpcRequest(C.login, data), apiIdOf(ctx));
  }

  @MessagePattern(C.loginChallenge)
  challenge(@Payload() data: unknown, @Ctx() ctx: NatsContext): RpcReply<typeof C.loginChallenge> {
    const body = rpcRequest(C.loginChallenge, data);
    return this.login.challenge(body.login_token, body.channel, apiIdOf(ctx));
  }

  @MessagePattern(C.loginVerify)
  verify(@Payload() data: unknown, @Ctx() ctx: NatsContext): RpcReply<typeof C.loginVerify> {
    return this.login.verify(rpcRequest(C.loginVerify, data), apiIdOf(ctx));
  }

  @MessagePattern(C.refresh)
  refresh(@Payload() data: unknown): RpcReply<typeof C.refresh> {
    return this.login.refresh(rpcRequest(C.refresh, data).refresh_token);
  }

  @MessagePattern(C.authenticate)
  authenticate(@Payload() data: unknown): RpcReply<typeof C.authenticate> {
    return this.login.authenticate(rpcRequest(C.authenticate, data).access_token);
  }

  @MessagePattern(C.logout)
  async logout(@Payload() data: unknown): RpcReply<typeof C.logout> {
    await this.login.logout(rpcRequest(C.logout, data).user);
    return { message: 'signed out' };
  }

  @MessagePattern(C.me)
  async me(@Payload() data: unknown): RpcReply<typeof C.me> {
    const view = await this.users.view(rpcRequest(C.me, data).user.user_id);
    if (!view) throw userNotFound();
    return view;
  }

  @MessagePattern(C.teamList)
  async teamList(@Payload() data: unknown): RpcReply<typeof C.teamList> {
    return { members: await this.team.list(rpcRequest(C.teamList, data).user) };
  }

  @MessagePattern(C.teamInvite)
  teamInvite(@Payload() data: unknown, @Ctx() ctx: NatsContext): RpcReply<typeof C.teamInvite> {
    const { user, body } = rpcRequest(C.teamInvite, data);
    return this.team.invite(user, body.email, body.role, apiIdOf(ctx));
  }

  @MessagePattern(C.inviteAccept)
  inviteAccept(@Payload() data: unknown, @Ctx() ctx: NatsContext): RpcReply<typeof C.inviteAccept> {
    return this.team.accept(rpcRequest(C.inviteAccept, data), apiIdOf(ctx));
  }

  @MessagePattern(C.teamUpdate)
  teamUpdate(@Payload() data: unknown): RpcReply<typeof C.teamUpdate> {
    const { user, body } = rpcRequest(C.teamUpdate, data);
    return this.team.setRole(user, body.user_id, body.role);
  }

  @MessagePattern(C.teamRemove)
  async teamRemove(@Payload() data: unknown): RpcReply<typeof C.teamRemove> {
    const { user, body } = rpcRequest(C.teamRemove, data);
    await this.team.remove(user, body.user_id);
    return { message: 'removed' };
  }

  @MessagePattern(C.ssoSet)
  ssoSet(@Payload() data: unknown): RpcReply<typeof C.ssoSet> {
    const { user, body } = rpcRequest(C.ssoSet, data);
    return this.sso.set(user, body);
  }

  @MessagePattern(C.ssoGet)
  ssoGet(@Payload() data: unknown): RpcReply<typeof C.ssoGet> {
    return this.sso.get(rpcRequest(C.ssoGet, data).user);
  }

  @MessagePattern(C.ssoDelete)
  async ssoDelete(@Payload() data: unknown): RpcReply<typeof C.ssoDelete> {
    await this.sso.remove(rpcRequest(C.ssoDelete, data).user);
    return { message: 'SSO connection deleted: the domain logs in with passwords again' };
  }

  @MessagePattern(C.ssoStart)
  ssoStart(@Payload() data: unknown): RpcReply<typeof C.ssoStart> {
    return this.sso.start(rpcRequest(C.ssoStart, data).email);
  }

  @MessagePattern(C.ssoAcs)
  ssoAcs(@Payload() data: unknown): RpcReply<typeof C.ssoAcs> {
    return this.sso.acs(rpcRequest(C.ssoAcs, data));
  }

  /** Development only (the gateway mounts its route outside production): the codes identity's own account sent. */
  @MessagePattern(C.devOutbox)
  devOutbox(@Payload() data: unknown): RpcReply<typeof C.devOutbox> {
    return this.phones.outbox(rpcRequest(C.devOutbox, data).recipient);
  }
}
