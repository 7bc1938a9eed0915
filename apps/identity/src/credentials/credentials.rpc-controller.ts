import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Caller } from '@signet/contracts/common';
import { authenticateRequest, IdentitySubjects } from '@signet/contracts/identity';
import { parseOrThrow } from '@signet/errors';
import { CredentialsService } from './credentials.service.js';

@Controller()
export class CredentialsRpcController {
  constructor(private readonly credentials: CredentialsService) {}

  @MessagePattern(IdentitySubjects.authenticate)
  authenticate(@Payload() data: unknown): Promise<Caller> {
    return this.credentials.authenticate(parseOrThrow(authenticateRequest, data));
  }
}
