import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { outboxListRequest, VerifySubjects } from '@signet/contracts/verify';
import { parseOrThrow } from '@signet/errors';
import { recipientDigits } from '../sessions/recipient.js';
import { DevOutboxRepository } from './dev-outbox.repository.js';

@Controller()
export class DevOutboxRpcController {
  constructor(private readonly outbox: DevOutboxRepository) {}

  @MessagePattern(VerifySubjects.outboxList)
  async list(@Payload() data: unknown) {
    const { caller, query } = parseOrThrow(outboxListRequest, data);
    return { messages: await this.outbox.list(caller, query.recipient && recipientDigits(query.recipient), query.limit) };
  }
}
