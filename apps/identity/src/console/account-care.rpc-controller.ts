import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, type NatsContext, Payload } from '@nestjs/microservices';
import { ConsoleSubjects as C, type ClientInfo } from '@signet/contracts/identity';
import { apiIdOf, type RpcReply, rpcRequest } from '@signet/nats';
import { AccountCareService } from './account-care.service.js';
import { EmailChangeService } from './email-change.service.js';
import { PhoneChangeService } from './phone-change.service.js';
import { ReauthService } from './reauth.service.js';
import { TotpService } from './totp.service.js';

// The gateway always says where a console call came from; a message without it counts under one shared address.
const clientOf = (client?: ClientInfo): ClientInfo => client ?? { ip: '-', user_agent: '' };

/** A signed-in user's care of their own login: password, re-authentication, login email, 2FA phone and authenticator. */
@Controller()
export class AccountCareRpcController {
  constructor(
    private readonly care: AccountCareService,
    private readonly reauth: ReauthService,
    private readonly email: EmailChangeService,
    private readonly phone: PhoneChangeService,
    private readonly totp: TotpService,
  ) {}

  @MessagePattern(C.passwordForgot)
  forgot(@Payload() data: unknown, @Ctx() ctx: NatsContext): RpcReply<typeof C.passwordForgot> {
    return this.care.forgot(rpcRequest(C.passwordForgot, data).email, apiIdOf(ctx));
  }

  @MessagePattern(C.passwordReset)
  reset(@Payload() data: unknown): RpcReply<typeof C.passwordReset> {
    const body = rpcRequest(C.passwordReset, data);
    return this.care.reset(body.token, body.password);
  }

  @MessagePattern(C.passwordChange)
  change(@Payload() data: unknown): RpcReply<typeof C.passwordChange> {
    const { user, client, body } = rpcRequest(C.passwordChange, data);
    return this.care.change(user, clientOf(client).ip, body.current_password, body.new_password);
  }

  @MessagePattern(C.reauth)
  reauthStart(@Payload() data: unknown, @Ctx() ctx: NatsContext): RpcReply<typeof C.reauth> {
    const { user, client, body } = rpcRequest(C.reauth, data);
    return this.reauth.start(user, clientOf(client), body.password, apiIdOf(ctx));
  }

  @MessagePattern(C.reauthVerify)
  reauthVerify(@Payload() data: unknown, @Ctx() ctx: NatsContext): RpcReply<typeof C.reauthVerify> {
    const { user, client, body } = rpcRequest(C.reauthVerify, data);
    return this.reauth.verify(user, clientOf(client), body, apiIdOf(ctx));
  }

  @MessagePattern(C.emailChange)
  emailChange(@Payload() data: unknown, @Ctx() ctx: NatsContext): RpcReply<typeof C.emailChange> {
    const { user, body } = rpcRequest(C.emailChange, data);
    return this.email.start(user, body.new_email, body.reauth_token, apiIdOf(ctx));
  }

  @MessagePattern(C.emailConfirm)
  emailConfirm(@Payload() data: unknown, @Ctx() ctx: NatsContext): RpcReply<typeof C.emailConfirm> {
    const { user, body } = rpcRequest(C.emailConfirm, data);
    return this.email.confirm(user, body.code, apiIdOf(ctx));
  }

  @MessagePattern(C.phoneChange)
  phoneChange(@Payload() data: unknown, @Ctx() ctx: NatsContext): RpcReply<typeof C.phoneChange> {
    const { user, body } = rpcRequest(C.phoneChange, data);
    return this.phone.start(user, body, apiIdOf(ctx));
  }

  @MessagePattern(C.phoneConfirm)
  phoneConfirm(@Payload() data: unknown, @Ctx() ctx: NatsContext): RpcReply<typeof C.phoneConfirm> {
    const { user, client, body } = rpcRequest(C.phoneConfirm, data);
    return this.phone.confirm(user, body.code, clientOf(client).ip, apiIdOf(ctx));
  }

  @MessagePattern(C.totpEnrol)
  totpEnrol(@Payload() data: unknown): RpcReply<typeof C.totpEnrol> {
    return this.totp.enrol(rpcRequest(C.totpEnrol, data).user);
  }

  @MessagePattern(C.totpConfirm)
  totpConfirm(@Payload() data: unknown): RpcReply<typeof C.totpConfirm> {
    const { user, body } = rpcRequest(C.totpConfirm, data);
    return this.totp.confirm(user, body.code);
  }

  @MessagePattern(C.recoveryRegenerate)
  recoveryRegenerate(@Payload() data: unknown): RpcReply<typeof C.recoveryRegenerate> {
    const { user, body } = rpcRequest(C.recoveryRegenerate, data);
    return this.totp.regenerate(user, body.code);
  }
}
