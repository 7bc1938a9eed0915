import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import type { Caller } from '@signet/contracts/common';
import { normalizeSessionListQuery, sessionCreateBody, sessionListQuery, sessionValidateBody, VerifySubjects } from '@signet/contracts/verify';
import { parseOrThrow } from '@signet/errors';
import { CallbackErrors } from '@signet/contracts/callbacks';
import { RpcClient } from '@signet/nats';
import { BasicAuthGuard } from '../auth/basic-auth.guard.js';
import { ApiId, CurrentCaller } from '../auth/caller.decorator.js';
import { type ApiRequest, withApiId } from '../http/api-request.js';
import { renderSession } from '../http/money-views.js';
import { RateLimiter } from '../rate-limit/rate-limiter.js';
import { pageMeta } from '../http/page-meta.js';
import { assertCallableUrl } from '../http/public-url.js';

/** Plivo documents 20 list calls a minute per account. */
const LIST_LIMIT = 20;
@Controller('v1/Account/:authId/Verify/Session')
@UseGuards(BasicAuthGuard)
export class SessionsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly limiter: RateLimiter,
  ) {}

  @Post()
  @HttpCode(202)
  async create(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Body() body: unknown, @Req() req: ApiRequest) {
    const message = { caller, requestor_ip: req.ip ?? null, body: parseOrThrow(sessionCreateBody, body ?? {}) };
    await assertCallableUrl('url', message.body.url, CallbackErrors.URL_NOT_ALLOWED);
    return withApiId(apiId, await this.rpc.call(VerifySubjects.sessionCreate, message, apiId));
  }

  @Get()
  async list(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Query() raw: Record<string, unknown>, @Param('authId') authId: string) {
    const query = parseOrThrow(sessionListQuery, normalizeSessionListQuery(raw));
    await this.limiter.take('verify-session-list', caller.auth_id, LIST_LIMIT, 60_000);
    const result = await this.rpc.call(VerifySubjects.sessionList, { caller, query }, apiId);
    const meta = pageMeta(`/v1/Account/${authId}/Verify/Session/`, normalizeSessionListQuery(raw), result.limit, result.offset, result.total_count);
    return { api_id: apiId, meta, sessions: result.sessions.map(renderSession) };
  }

  @Get(':uuid')
  async get(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('uuid') uuid: string) {
    return withApiId(apiId, renderSession(await this.rpc.call(VerifySubjects.sessionGet, { caller, session_uuid: uuid }, apiId)));
  }

  @Post(':uuid')
  @HttpCode(200)
  async validate(@ApiId() apiId: string, @CurrentCaller() caller: Caller, @Param('uuid') uuid: string, @Body() body: unknown) {
    const message = { caller, session_uuid: uuid, body: parseOrThrow(sessionValidateBody, body ?? {}) };
    return withApiId(apiId, await this.rpc.call(VerifySubjects.sessionValidate, message, apiId));
  }
}
