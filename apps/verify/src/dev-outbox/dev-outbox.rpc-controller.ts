import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { VerifySubjects } from '@signet/contracts/verify';
import { type RpcReply, rpcRequest } from '@signet/nats';
import { recipientDigits } from '../sessions/recipient.js';
import { DevOutboxRepository } from './dev-outbox.repository.js';

@Controller()
export class DevOutboxRpcController {
  constructor(private readonly outbox: DevOutboxRepository) {}

  @MessagePattern(VerifySubjects.outboxList)
  async list(@Payload() data: unknown): RpcReply<typeof VerifySubjects.outboxList> {
    const { caller, query } = rpcRequest(VerifySubjects.outboxList, data);
    return { messages: await this.outbox.list(caller, query.recipient && recipientDigits(query.recipient), query.limit) };
  }
}
