import type { FastifyInstance } from 'fastify';

const badRequest = (message: string) => Object.assign(new Error(message), { statusCode: 400 });

/**
 * Plivo's SDKs send `Content-Type: application/json` on every call, GETs included, sometimes with the body `""`;
 * curl without -H sends form encoding. An empty or `""` body is no arguments; anything else must be a JSON object
 * (or a form), and malformed JSON is a 400, never a 500.
 */
export function registerLenientBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (req, raw, done) => {
    // Vendor webhooks are signed over the exact bytes (Vonage's payload_hash): keep them for the receipts route.
    (req as { rawBody?: string }).rawBody = String(raw);
    const text = String(raw).trim();
    if (text === '' || text === '""') return done(null, {});
    if (String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
      return done(null, Object.fromEntries(new URLSearchParams(text)));
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return done(badRequest('malformed JSON in the request body'), undefined);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return done(badRequest('the request body must be a JSON object'), undefined);
    done(null, value);
  });
}
