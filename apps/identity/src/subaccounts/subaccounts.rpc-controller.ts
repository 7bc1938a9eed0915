import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdentitySubjects } from '@signet/contracts/identity';
import { type RpcReply, rpcRequest } from '@signet/nats';
import { SubaccountsService } from './subaccounts.service.js';

@Controller()
export class SubaccountsRpcController {
  constructor(private readonly subaccounts: SubaccountsService) {}

  @MessagePattern(IdentitySubjects.subaccountCreate)
  create(@Payload() data: unknown): RpcReply<typeof IdentitySubjects.subaccountCreate> {
    return this.subaccounts.create(rpcRequest(IdentitySubjects.subaccountCreate, data));
  }

  @MessagePattern(IdentitySubjects.subaccountGet)
  get(@Payload() data: unknown): RpcReply<typeof IdentitySubjects.subaccountGet> {
    return this.subaccounts.get(rpcRequest(IdentitySubjects.subaccountGet, data));
  }

  @MessagePattern(IdentitySubjects.subaccountList)
  list(@Payload() data: unknown): RpcReply<typeof IdentitySubjects.subaccountList> {
    return this.subaccounts.list(rpcRequest(IdentitySubjects.subaccountList, data));
  }

  @MessagePattern(IdentitySubjects.subaccountUpdate)
  async update(@Payload() data: unknown): RpcReply<typeof IdentitySubjects.subaccountUpdate> {
    await this.subaccounts.update(rpcRequest(IdentitySubjects.subaccountUpdate, data));
    return { changed: true };
  }

  @MessagePattern(IdentitySubjects.subaccountDelete)
  async delete(@Payload() data: unknown): RpcReply<typeof IdentitySubjects.subaccountDelete> {
    await this.subaccounts.delete(rpcRequest(IdentitySubjects.subaccountDelete, data));
    return { deleted: true };
  }
}
