import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdentitySubjects } from '@signet/contracts/identity';
import { type RpcReply, rpcRequest } from '@signet/nats';
import { IpWhitelistService } from './ip-whitelist.service.js';

@Controller()
export class IpWhitelistRpcController {
  constructor(private readonly whitelist: IpWhitelistService) {}

  @MessagePattern(IdentitySubjects.ipWhitelistList)
  list(@Payload() data: unknown): RpcReply<typeof IdentitySubjects.ipWhitelistList> {
    return this.whitelist.list(rpcRequest(IdentitySubjects.ipWhitelistList, data).caller);
  }

  @MessagePattern(IdentitySubjects.ipWhitelistAdd)
  add(@Payload() data: unknown): RpcReply<typeof IdentitySubjects.ipWhitelistAdd> {
    return this.whitelist.add(rpcRequest(IdentitySubjects.ipWhitelistAdd, data));
  }

  @MessagePattern(IdentitySubjects.ipWhitelistRemove)
  async remove(@Payload() data: unknown): RpcReply<typeof IdentitySubjects.ipWhitelistRemove> {
    await this.whitelist.remove(rpcRequest(IdentitySubjects.ipWhitelistRemove, data));
    return { deleted: true };
  }

  @MessagePattern(IdentitySubjects.ipWhitelistSet)
  set(@Payload() data: unknown): RpcReply<typeof IdentitySubjects.ipWhitelistSet> {
    return this.whitelist.setEnabled(rpcRequest(IdentitySubjects.ipWhitelistSet, data));
  }
}
