import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mountQueueBoard } from '@signet/queue-board';
import type { FastifyRequest } from 'fastify';
import { AdminAuthGuard } from '../auth/admin-auth.guard.js';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config.js';
import type { ApiRequest } from '../http/api-request.js';
import { sendError, toHttpError } from '../http/plivo-error.filter.js';
import type { RouteTable } from '../http/route-table.js';

export const QUEUE_BOARD_PATH = '/admin/queues';

/** The admin token as a bearer, or (so a browser can open the board) as the password of BasicAuth, any user. */
function adminToken(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization ?? '';
  if (header.startsWith('Bearer ')) return header.slice(7).trim();
  if (!header.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  return decoded.includes(':') ? decoded.slice(decoded.indexOf(':') + 1) : undefined;
}

/** Bull Board at /admin/queues for operators; a refusal is the API's own 401/403 envelope. */
export async function mountAdminQueueBoard(app: NestFastifyApplication, routes: RouteTable): Promise<void> {
  const config = app.get<GatewayConfig>(GATEWAY_CONFIG);
  const guard = app.get(AdminAuthGuard);
  const logger = new Logger('QueueBoard');
  const close = await mountQueueBoard(app.getHttpAdapter().getInstance(), {
    redisUrl: config.REDIS_URL,
    prefix: config.REDIS_PREFIX,
    basePath: QUEUE_BOARD_PATH,
    authorize: async (req, reply) => {
      const token = adminToken(req);
      try {
        await guard.check(token, req.ip);
        return true;
      } catch (err) {
        if (token === undefined) void reply.header('www-authenticate', 'Basic realm="signet admin", charset="UTF-8"');
        sendError(reply, req as ApiRequest, toHttpError(err, req as ApiRequest, routes), err, logger);
        return false;
      }
    },
  });
  app.getHttpAdapter().getInstance().addHook('onClose', close);
}
