import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { VerifySubjects } from '@signet/contracts/verify';
import { type RpcReply, rpcRequest } from '@signet/nats';
import { SendersService } from './senders.service.js';

@Controller()
export class SendersRpcController {
  constructor(private readonly senders: SendersService) {}

  @MessagePattern(VerifySubjects.senderCreate)
  create(@Payload() data: unknown): RpcReply<typeof VerifySubjects.senderCreate> {
    return this.senders.create(rpcRequest(VerifySubjects.senderCreate, data));
  }

  @MessagePattern(VerifySubjects.senderGet)
  get(@Payload() data: unknown): RpcReply<typeof VerifySubjects.senderGet> {
    return this.senders.get(rpcRequest(VerifySubjects.senderGet, data));
  }

  @MessagePattern(VerifySubjects.senderList)
  list(@Payload() data: unknown): RpcReply<typeof VerifySubjects.senderList> {
    return this.senders.list(rpcRequest(VerifySubjects.senderList, data));
  }

  @MessagePattern(VerifySubjects.senderUpdate)
  update(@Payload() data: unknown): RpcReply<typeof VerifySubjects.senderUpdate> {
    return this.senders.update(rpcRequest(VerifySubjects.senderUpdate, data));
  }

  @MessagePattern(VerifySubjects.senderDelete)
  async delete(@Payload() data: unknown): RpcReply<typeof VerifySubjects.senderDelete> {
    await this.senders.delete(rpcRequest(VerifySubjects.senderDelete, data));
    return { deleted: true };
  }
}
