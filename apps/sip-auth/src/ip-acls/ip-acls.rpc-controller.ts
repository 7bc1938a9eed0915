import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SipAuthSubjects } from '@signet/contracts/sip-auth';
import { type RpcReply, rpcRequest } from '@signet/nats';
import { IpAclsService } from './ip-acls.service.js';

@Controller()
export class IpAclsRpcController {
  constructor(private readonly acls: IpAclsService) {}

  @MessagePattern(SipAuthSubjects.ipAclCreate)
  create(@Payload() data: unknown): RpcReply<typeof SipAuthSubjects.ipAclCreate> {
    return this.acls.create(rpcRequest(SipAuthSubjects.ipAclCreate, data));
  }

  @MessagePattern(SipAuthSubjects.ipAclGet)
  get(@Payload() data: unknown): RpcReply<typeof SipAuthSubjects.ipAclGet> {
    return this.acls.get(rpcRequest(SipAuthSubjects.ipAclGet, data));
  }

  @MessagePattern(SipAuthSubjects.ipAclList)
  list(@Payload() data: unknown): RpcReply<typeof SipAuthSubjects.ipAclList> {
    return this.acls.list(rpcRequest(SipAuthSubjects.ipAclList, data));
  }

  @MessagePattern(SipAuthSubjects.ipAclUpdate)
  update(@Payload() data: unknown): RpcReply<typeof SipAuthSubjects.ipAclUpdate> {
    return this.acls.rename(rpcRequest(SipAuthSubjects.ipAclUpdate, data));
  }

  @MessagePattern(SipAuthSubjects.ipAclDelete)
  async delete(@Payload() data: unknown): RpcReply<typeof SipAuthSubjects.ipAclDelete> {
    await this.acls.delete(rpcRequest(SipAuthSubjects.ipAclDelete, data));
    return { deleted: true };
  }

  @MessagePattern(SipAuthSubjects.ipAclEntryAdd)
  addEntry(@Payload() data: unknown): RpcReply<typeof SipAuthSubjects.ipAclEntryAdd> {
    return this.acls.addEntry(rpcRequest(SipAuthSubjects.ipAclEntryAdd, data));
  }

  @MessagePattern(SipAuthSubjects.ipAclEntryRemove)
  async removeEntry(@Payload() data: unknown): RpcReply<typeof SipAuthSubjects.ipAclEntryRemove> {
    await this.acls.removeEntry(rpcRequest(SipAuthSubjects.ipAclEntryRemove, data));
    return { deleted: true };
  }
}
