import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { type Caller, pageSchema } from '@signet/contracts/common';
import { senderCreateBody, senderUpdateBody, VerifySubjects } from '@signet/contracts/verify';
import { parseOrThrow } from '@signet/errors';
import { RpcClient } from '@signet/nats';
import { BasicAuthGuard } from '../auth/basic-auth.guard.js';
import { ApiId, CurrentCaller } from '../auth/caller.decorator.js';
import { pageMeta } from '../http/page-meta.js';

/** Checking credentials and listing numbers at the provider can take its full timeout, plus the NATS hop. */
const PROVIDER_CHECK_MS = 15_000;

/** A caller's own SMS/voice provider accounts (Twilio, Plivo, Vonage) that its Verify apps send through. */
@Controller('v1/Account/:authId/Verify/Sender')
@UseGuards(BasicAuthGuard)
export class SendersController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  async create(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Body() body: unknown) {
    const message = { caller, body: parseOrThrow(senderCreateBody, body ?? {}) };
    const sender = await this.rpc.call(VerifySubjects.senderCreate, message, apiId, PROVIDER_CHECK_MS);
    return { api_id: apiId, message: 'created', sender_uuid: sender.sender_uuid, numbers: sender.numbers, sender };
  }

  @Get()
  async list(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Query() raw: Record<string, unknown>, @Param('authId') authId: string) {
    const query = parseOrThrow(pageSchema, raw);
    const result = await this.rpc.call(VerifySubjects.senderList, { caller, query }, apiId);
    const meta = pageMeta(`/v1/Account/${authId}/Verify/Sender/`, raw, result.limit, result.offset, result.total_count);
    return { api_id: apiId, meta, senders: result.senders };
  }

  @Get(':uuid')
  async get(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('uuid') uuid: string) {
    return { api_id: apiId, sender: await this.rpc.call(VerifySubjects.senderGet, { caller, sender_uuid: uuid }, apiId) };
  }

  @Post(':uuid')
  @HttpCode(202)
  async update(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('uuid') uuid: string, @Body() body: unknown) {
    const message = { caller, sender_uuid: uuid, body: parseOrThrow(senderUpdateBody, body ?? {}) };
    return { api_id: apiId, message: 'changed', sender: await this.rpc.call(VerifySubjects.senderUpdate, message, apiId) };
  }

  @Delete(':uuid')
  @HttpCode(204)
  async delete(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('uuid') uuid: string): Promise<void> {
    await this.rpc.call(VerifySubjects.senderDelete, { caller, sender_uuid: uuid }, apiId);
  }
}
