import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { VerifySubjects } from '@signet/contracts/verify';
import { type RpcReply, rpcRequest } from '@signet/nats';
import { AppsService } from './apps.service.js';

@Controller()
export class AppsRpcController {
  constructor(private readonly apps: AppsService) {}

  @MessagePattern(VerifySubjects.appCreate)
  create(@Payload() data: unknown): RpcReply<typeof VerifySubjects.appCreate> {
    return this.apps.create(rpcRequest(VerifySubjects.appCreate, data));
  }

  @MessagePattern(VerifySubjects.appGet)
  get(@Payload() data: unknown): RpcReply<typeof VerifySubjects.appGet> {
    return this.apps.get(rpcRequest(VerifySubjects.appGet, data));
  }

  @MessagePattern(VerifySubjects.appList)
  list(@Payload() data: unknown): RpcReply<typeof VerifySubjects.appList> {
    return this.apps.list(rpcRequest(VerifySubjects.appList, data));
  }

  @MessagePattern(VerifySubjects.appUpdate)
  update(@Payload() data: unknown): RpcReply<typeof VerifySubjects.appUpdate> {
    return this.apps.update(rpcRequest(VerifySubjects.appUpdate, data));
  }

  @MessagePattern(VerifySubjects.appDelete)
  async delete(@Payload() data: unknown): RpcReply<typeof VerifySubjects.appDelete> {
    await this.apps.delete(rpcRequest(VerifySubjects.appDelete, data));
    return { deleted: true };
  }
}
