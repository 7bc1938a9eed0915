import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { addressCheckRequest, digestVerifyRequest, SipAuthSubjects } from '@signet/contracts/sip-auth';
import { parseOrThrow } from '@signet/errors';
import { ProxyService } from './proxy.service.js';

@Controller()
export class ProxyRpcController {
  constructor(private readonly proxy: ProxyService) {}

  @MessagePattern(SipAuthSubjects.digestVerify)
  verifyDigest(@Payload() data: unknown) {
    return this.proxy.verifyDigest(parseOrThrow(digestVerifyRequest, data));
  }

  @MessagePattern(SipAuthSubjects.addressCheck)
  checkAddress(@Payload() data: unknown) {
    return this.proxy.checkAddress(parseOrThrow(addressCheckRequest, data));
  }
}
