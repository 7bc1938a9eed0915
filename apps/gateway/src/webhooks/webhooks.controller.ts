import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommonErrors } from '@signet/contracts/common';
import { RECEIPT_HEADERS, VerifySubjects } from '@signet/contracts/verify';
import { DomainError } from '@signet/errors';
import { RpcClient } from '@signet/nats';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiId } from '../auth/caller.decorator.js';

const PROVIDERS = ['twilio', 'plivo', 'vonage'] as const;
const CHANNELS = ['sms', 'voice'] as const;
const isOneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

type WebhookRequest = FastifyRequest & { rawBody?: string };

/** What verify needs to check a vendor's signature: the path it called, its signature headers, the exact body. */
function forwarded(req: WebhookRequest, attemptUuid: string) {
  const headers: Record<string, string> = {};
  for (const name of RECEIPT_HEADERS) {
    const v = req.headers[name];
    if (typeof v === 'string') headers[name] = v;
  }
  const body = (req.body ?? {}) as Record<string, unknown>;
  const params: Record<string, string> = {};
  const source = req.method === 'GET' ? (req.query as Record<string, unknown>) : body;
  for (const [k, v] of Object.entries(source ?? {})) if (typeof v === 'string' || typeof v === 'number') params[k] = String(v);
  return { attempt_uuid: attemptUuid, path: req.url, method: req.method === 'GET' ? 'GET' : 'POST', headers, raw_body: req.rawBody ?? '', params } as const;
}

/**
 * Vendor webhooks, under Signet's public URL (`SIGNET_PUBLIC_URL`): delivery receipts and call events at
 * `/webhooks/<provider>/<sms|voice>/<attempt_uuid>`, and Plivo's answer_url at `/webhooks/plivo/answer/<attempt_uuid>`
 * (answered with `<Speak>` XML; a `dtmf` session's call first asks for a key with `<GetDigits>`, posted back to the same URL). No BasicAuth: verify checks each vendor's own signature against the sender's
 * credentials; a forged or unsigned request is a 403, an unknown attempt a 404, and neither changes anything.
 */
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('plivo/answer/:attempt')
  async answer(@ApiId() apiId: string, @Param('attempt') attempt: string, @Req() req: WebhookRequest, @Res() res: FastifyReply): Promise<void> {
    const { xml } = await this.rpc.call(VerifySubjects.receiptAnswer, forwarded(req, attempt), apiId);
    await res.status(200).header('content-type', 'text/xml; charset=utf-8').send(xml);
  }

  @Post(':provider/:channel/:attempt')
  @HttpCode(200)
  async receipt(
    @ApiId() apiId: string,
    @Param('provider') provider: string,
    @Param('channel') channel: string,
    @Param('attempt') attempt: string,
    @Req() req: WebhookRequest,
  ) {
    if (!isOneOf(PROVIDERS, provider) || !isOneOf(CHANNELS, channel)) throw new DomainError(CommonErrors.NOT_FOUND, 'no such webhook');
    const result = await this.rpc.call(VerifySubjects.receiptApply, { ...forwarded(req, attempt), provider, channel }, apiId);
    return { api_id: apiId, status: result.status, changed: result.changed };
  }
}
