import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdentitySubjects } from '@signet/contracts/identity';
import { type RpcReply, rpcRequest } from '@signet/nats';
import { CredentialsService } from './credentials.service.js';
import { SigningTokensService } from './signing-tokens.service.js';
import { TokenRotationService } from './token-rotation.service.js';

@Controller()
export class CredentialsRpcController {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly rotation: TokenRotationService,
    private readonly signing: SigningTokensService,
  ) {}

  @MessagePattern(IdentitySubjects.authenticate)
  authenticate(@Payload() data: unknown): RpcReply<typeof IdentitySubjects.authenticate> {
    return this.credentials.authenticate(rpcRequest(IdentitySubjects.authenticate, data));
  }

  @MessagePattern(IdentitySubjects.tokenRotate)
  rotate(@Payload() data: unknown): RpcReply<typeof IdentitySubjects.tokenRotate> {
    return this.rotation.rotate(rpcRequest(IdentitySubjects.tokenRotate, data));
  }

  @MessagePattern(IdentitySubjects.signingTokensGet)
  signingTokens(@Payload() data: unknown): RpcReply<typeof IdentitySubjects.signingTokensGet> {
    return this.signing.get(rpcRequest(IdentitySubjects.signingTokensGet, data).auth_id);
  }
}
