import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SipAuthSubjects } from '@signet/contracts/sip-auth';
import { type RpcReply, rpcRequest } from '@signet/nats';
import { ApplicationsService } from './applications.service.js';

@Controller()
export class ApplicationsRpcController {
  constructor(private readonly apps: ApplicationsService) {}

  @MessagePattern(SipAuthSubjects.applicationCreate)
  create(@Payload() data: unknown): RpcReply<typeof SipAuthSubjects.applicationCreate> {
    return this.apps.create(rpcRequest(SipAuthSubjects.applicationCreate, data));
  }

  @MessagePattern(SipAuthSubjects.applicationGet)
  get(@Payload() data: unknown): RpcReply<typeof SipAuthSubjects.applicationGet> {
    return this.apps.get(rpcRequest(SipAuthSubjects.applicationGet, data));
  }

  @MessagePattern(SipAuthSubjects.applicationList)
  list(@Payload() data: unknown): RpcReply<typeof SipAuthSubjects.applicationList> {
    return this.apps.list(rpcRequest(SipAuthSubjects.applicationList, data));
  }

  @MessagePattern(SipAuthSubjects.applicationUpdate)
  update(@Payload() data: unknown): RpcReply<typeof SipAuthSubjects.applicationUpdate> {
    return this.apps.update(rpcRequest(SipAuthSubjects.applicationUpdate, data));
  }

  @MessagePattern(SipAuthSubjects.applicationDelete)
  async delete(@Payload() data: unknown): RpcReply<typeof SipAuthSubjects.applicationDelete> {
    await this.apps.delete(rpcRequest(SipAuthSubjects.applicationDelete, data));
    return { deleted: true };
  }
}
