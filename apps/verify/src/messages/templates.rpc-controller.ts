import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { VerifySubjects as S } from '@signet/contracts/verify';
import { type RpcReply, rpcRequest } from '@signet/nats';
import { TemplatesService } from './templates.service.js';

@Controller()
export class TemplatesRpcController {
  constructor(private readonly templates: TemplatesService) {}

  @MessagePattern(S.templateSet)
  set(@Payload() data: unknown): RpcReply<typeof S.templateSet> {
    return this.templates.set(rpcRequest(S.templateSet, data));
  }

  @MessagePattern(S.templateList)
  list(@Payload() data: unknown): RpcReply<typeof S.templateList> {
    return this.templates.list(rpcRequest(S.templateList, data));
  }

  @MessagePattern(S.templateDelete)
  async delete(@Payload() data: unknown): RpcReply<typeof S.templateDelete> {
    await this.templates.delete(rpcRequest(S.templateDelete, data));
    return { deleted: true };
  }
}
