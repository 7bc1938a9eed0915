import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { credentialCreateRequest, credentialListRequest, credentialRef, credentialUpdateRequest, SipAuthSubjects } from '@signet/contracts/sip-auth';
import { parseOrThrow } from '@signet/errors';
import { CredentialsService } from './credentials.service.js';

@Controller()
export class CredentialsRpcController {
  constructor(private readonly credentials: CredentialsService) {}

  @MessagePattern(SipAuthSubjects.credentialCreate)
  create(@Payload() data: unknown) {
    return this.credentials.create(parseOrThrow(credentialCreateRequest, data));
  }

  @MessagePattern(SipAuthSubjects.credentialGet)
  get(@Payload() data: unknown) {
    return this.credentials.get(parseOrThrow(credentialRef, data));
  }

  @MessagePattern(SipAuthSubjects.credentialList)
  list(@Payload() data: unknown) {
    return this.credentials.list(parseOrThrow(credentialListRequest, data));
  }

  @MessagePattern(SipAuthSubjects.credentialUpdate)
  update(@Payload() data: unknown) {
    return this.credentials.updatePassword(parseOrThrow(credentialUpdateRequest, data));
  }

  @MessagePattern(SipAuthSubjects.credentialDelete)
  async delete(@Payload() data: unknown) {
    await this.credentials.delete(parseOrThrow(credentialRef, data));
    return { deleted: true };
  }
}
