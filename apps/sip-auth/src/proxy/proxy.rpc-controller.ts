import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SipAuthSubjects } from '@signet/contracts/sip-auth';
import { type RpcReply, rpcRequest } from '@signet/nats';
import { ProxyService } from './proxy.service.js';

@Controller()
export class ProxyRpcController {
  constructor(private readonly proxy: ProxyService) {}

  @MessagePattern(SipAuthSubjects.digestVerify)
  verifyDigest(@Payload() data: unknown): RpcReply<typeof SipAuthSubjects.digestVerify> {
    return this.proxy.verifyDigest(rpcRequest(SipAuthSubjects.digestVerify, data));
  }

  @MessagePattern(SipAuthSubjects.addressCheck)
  checkAddress(@Payload() data: unknown): RpcReply<typeof SipAuthSubjects.addressCheck> {
    return this.proxy.checkAddress(rpcRequest(SipAuthSubjects.addressCheck, data));
  }
}
