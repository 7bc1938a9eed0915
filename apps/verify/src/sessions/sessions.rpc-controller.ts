import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, type NatsContext, Payload } from '@nestjs/microservices';
import { sessionCreateRequest, sessionListRequest, sessionRef, sessionValidateRequest, VerifySubjects } from '@signet/contracts/verify';
import { parseOrThrow } from '@signet/errors';
import { apiIdOf } from '@signet/nats';
import { SessionsService } from './sessions.service.js';

@Controller()
export class SessionsRpcController {
  constructor(private readonly sessions: SessionsService) {}

  @MessagePattern(VerifySubjects.sessionCreate)
  create(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return this.sessions.create(parseOrThrow(sessionCreateRequest, data), apiIdOf(ctx));
  }

  @MessagePattern(VerifySubjects.sessionGet)
  get(@Payload() data: unknown) {
    return this.sessions.get(parseOrThrow(sessionRef, data));
  }

  @MessagePattern(VerifySubjects.sessionList)
  list(@Payload() data: unknown) {
    return this.sessions.list(parseOrThrow(sessionListRequest, data));
  }

  @MessagePattern(VerifySubjects.sessionValidate)
  validate(@Payload() data: unknown) {
    return this.sessions.validate(parseOrThrow(sessionValidateRequest, data));
  }
}
