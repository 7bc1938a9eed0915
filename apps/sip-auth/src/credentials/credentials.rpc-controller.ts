import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SipAuthSubjects } from '@signet/contracts/sip-auth';
import { type RpcReply, rpcRequest } from '@signet/nats';
import { CredentialsService } from './credentials.service.js';

@Controller()
export class CredentialsRpcController {
  constructor(private readonly credentials: CredentialsService) {}

  @MessagePattern(SipAuthSubjects.credentialCreate)
  create(@Payload() data: unknown): RpcReply<typeof SipAuthSubjects.credentialCreate> {
    return this.credentials.create(rpcRequest(SipAuthSubjects.credentialCreate, data));
  }

  @MessagePattern(SipAuthSubjects.credentialGet)
  get(@Payload() data: unknown): RpcReply<typeof SipAuthSubjects.credentialGet> {
    return this.credentials.get(rpcRequest(SipAuthSubjects.credentialGet, data));
  }

  @MessagePattern(SipAuthSubjects.credentialList)
  list(@Payload() data: unknown): RpcReply<typeof SipAuthSubjects.credentialList> {
    return this.credentials.list(rpcRequest(SipAuthSubjects.credentialList, data));
  }

  @MessagePattern(SipAuthSubjects.credentialUpdate)
  update(@Payload() data: unknown): RpcReply<typeof SipAuthSubjects.credentialUpdate> {
    return this.credentials.updatePassword(rpcRequest(SipAuthSubjects.credentialUpdate, data));
  }

  @MessagePattern(SipAuthSubjects.credentialDelete)
  async delete(@Payload() data: unknown): RpcReply<typeof SipAuthSubjects.credentialDelete> {
    await this.credentials.delete(rpcRequest(SipAuthSubjects.credentialDelete, data));
    return { deleted: true };
  }
}
