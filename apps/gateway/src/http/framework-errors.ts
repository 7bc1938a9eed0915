import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The one place where what Fastify and Node's HTTP parser answer on their own becomes Plivo's `{api_id, error}`:
 * router errors raised before any hook runs (a path segment over 100 characters, undecodable percent-encoding) and
 * requests the parser refuses (head over 16 KB, control characters in a header, an unknown or lower-case method).
 * Plus the response rule: every response says `Content-Type: application/json`, bodiless 204s included, because
 * SDKs (plivo-ruby) parse by content type.
 */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

const ROUTER_ERRORS: Record<string, { status: number; message: string }> = {
  FST_ERR_BAD_URL: { status: 400, message: 'malformed URL: a path segment is not valid percent-encoding' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, message: 'URI too long: an id in the path is over 100 characters' },
};

/** Fastify's `frameworkErrors` option. */
export function frameworkErrors(err: Error & { code?: string; statusCode?: number }, req: FastifyRequest, reply: FastifyReply): void {
  const known = ROUTER_ERRORS[err.code ?? ''];
  const status = known?.status ?? (err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400);
  void reply
    .code(status)
    .type(JSON_CONTENT_TYPE)
    .send({ api_id: String(req.id), error: known?.message ?? (err.message || 'bad request') });
}

function clientErrorMessage(err: Error & { code?: string }): { status: number; message: string } {
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, message: 'request header fields too large: at most 16 KB of request line and headers' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, message: 'request timeout: the request was not received in time' };
    case 'HPE_INVALID_METHOD':
      return { status: 400, message: 'malformed HTTP request: unknown method (methods are upper-case: GET, POST, DELETE)' };
    case 'HPE_INVALID_HEADER_TOKEN':
    case 'HPE_INVALID_CONSTANT':
      return { status: 400, message: 'malformed HTTP request: a header name or value holds characters HTTP does not allow' };
    default:
      return { status: 400, message: `malformed HTTP request (${err.code ?? 'unparseable'})` };
  }
}

/** Fastify's `clientErrorHandler` option: the parser gave up, so the answer is written to the socket by hand. */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, message } = clientErrorMessage(err);
  if (socket.writable) {
    const body = JSON.stringify({ api_id: randomUUID(), error: message });
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${JSON_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

/** Responses that carry no content type of their own (204s, empty bodies) say JSON. */
export function alwaysJsonContentType(app: FastifyInstance): void {
  app.addHook('onSend', async (_req, reply, payload) => {
    if (!reply.hasHeader('content-type')) void reply.header('content-type', JSON_CONTENT_TYPE);
    return payload;
  });
}
