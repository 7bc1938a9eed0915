import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { applicationCreateRequest, applicationListRequest, applicationRef, applicationUpdateRequest, SipAuthSubjects } from '@signet/contracts/sip-auth';
import { parseOrThrow } from '@signet/errors';
import { ApplicationsService } from './applications.service.js';

@Controller()
export class ApplicationsRpcController {
  constructor(private readonly apps: ApplicationsService) {}

  @MessagePattern(SipAuthSubjects.applicationCreate)
  create(@Payload() data: unknown) {
    return this.apps.create(parseOrThrow(applicationCreateRequest, data));
  }

  @MessagePattern(SipAuthSubjects.applicationGet)
  get(@Payload() data: unknown) {
    return this.apps.get(parseOrThrow(applicationRef, data));
  }

  @MessagePattern(SipAuthSubjects.applicationList)
  list(@Payload() data: unknown) {
    return this.apps.list(parseOrThrow(applicationListRequest, data));
  }

  @MessagePattern(SipAuthSubjects.applicationUpdate)
  update(@Payload() data: unknown) {
    return this.apps.update(parseOrThrow(applicationUpdateRequest, data));
  }

  @MessagePattern(SipAuthSubjects.applicationDelete)
  async delete(@Payload() data: unknown) {
    await this.apps.delete(parseOrThrow(applicationRef, data));
    return { deleted: true };
  }
}
