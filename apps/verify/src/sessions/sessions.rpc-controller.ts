import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, type NatsContext, Payload } from '@nestjs/microservices';
import { VerifySubjects } from '@signet/contracts/verify';
import { apiIdOf, type RpcReply, rpcRequest } from '@signet/nats';
import { SessionsService } from './sessions.service.js';

@Controller()
export class SessionsRpcController {
  constructor(private readonly sessions: SessionsService) {}

  @MessagePattern(VerifySubjects.sessionCreate)
  create(@Payload() data: unknown, @Ctx() ctx: NatsContext): RpcReply<typeof VerifySubjects.sessionCreate> {
    return this.sessions.create(rpcRequest(VerifySubjects.sessionCreate, data), apiIdOf(ctx));
  }

  @MessagePattern(VerifySubjects.sessionGet)
  get(@Payload() data: unknown): RpcReply<typeof VerifySubjects.sessionGet> {
    return this.sessions.get(rpcRequest(VerifySubjects.sessionGet, data));
  }

  @MessagePattern(VerifySubjects.sessionList)
  list(@Payload() data: unknown): RpcReply<typeof VerifySubjects.sessionList> {
    return this.sessions.list(rpcRequest(VerifySubjects.sessionList, data));
  }

  @MessagePattern(VerifySubjects.sessionValidate)
  validate(@Payload() data: unknown): RpcReply<typeof VerifySubjects.sessionValidate> {
    return this.sessions.validate(rpcRequest(VerifySubjects.sessionValidate, data));
  }
}
