import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { VerifySubjects } from '@signet/contracts/verify';
import { type RpcReply, rpcRequest } from '@signet/nats';
import { AttemptsService } from './attempts.service.js';

@Controller()
export class AttemptsRpcController {
  constructor(private readonly attempts: AttemptsService) {}

  @MessagePattern(VerifySubjects.attemptGet)
  get(@Payload() data: unknown): RpcReply<typeof VerifySubjects.attemptGet> {
    return this.attempts.get(rpcRequest(VerifySubjects.attemptGet, data));
  }
}
