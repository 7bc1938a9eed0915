import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { VerifySubjects } from '@signet/contracts/verify';
import { type RpcReply, rpcRequest } from '@signet/nats';
import { ReceiptsService } from './receipts.service.js';

@Controller()
export class ReceiptsRpcController {
  constructor(private readonly receipts: ReceiptsService) {}

  @MessagePattern(VerifySubjects.receiptApply)
  apply(@Payload() data: unknown): RpcReply<typeof VerifySubjects.receiptApply> {
    return this.receipts.apply(rpcRequest(VerifySubjects.receiptApply, data));
  }

  @MessagePattern(VerifySubjects.receiptAnswer)
  answer(@Payload() data: unknown): RpcReply<typeof VerifySubjects.receiptAnswer> {
    return this.receipts.answer(rpcRequest(VerifySubjects.receiptAnswer, data));
  }
}
