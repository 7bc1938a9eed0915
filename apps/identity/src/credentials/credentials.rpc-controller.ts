import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type AuthenticatedCaller, authenticateRequest, IdentitySubjects, type TokenRotated, tokenRotateRequest } from '@signet/contracts/identity';
import { parseOrThrow } from '@signet/errors';
import { CredentialsService } from './credentials.service.js';
import { TokenRotationService } from './token-rotation.service.js';

@Controller()
export class CredentialsRpcController {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly rotation: TokenRotationService,
  ) {}

  @MessagePattern(IdentitySubjects.authenticate)
  authenticate(@Payload() data: unknown): Promise<AuthenticatedCaller> {
    return this.credentials.authenticate(parseOrThrow(authenticateRequest, data));
  }

  @MessagePattern(IdentitySubjects.tokenRotate)
  rotate(@Payload() data: unknown): Promise<TokenRotated> {
    return this.rotation.rotate(parseOrThrow(tokenRotateRequest, data));
  }
}
