import { sample } from 'openapi-sampler';
import { z } from 'zod';

/**
 * The pieces every documented operation is made of. A route family's file lists its operations with these; an
 * operation is one entry: `'/v1/Account/{auth_id}/Thing/': { post: { tags, summary, requestBody: json(thingBody),
 * responses: { 201: ok('created', thingView) } } }`. `finishDocument` then gives every operation what the API
 * really does on top: an operationId, the `{api_id, error}` envelope for each status it can return, an example for
 * every body (sampled from its schema), path parameters.
 */
type JsonSchema = Record<string, unknown>;

/** A zod schema as OpenAPI 3.1 (JSON Schema 2020-12) without the `$schema` marker. */
export function schemaOf(s: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const { $schema: _, ...schema } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as JsonSchema;
  return schema;
}

/** A request body from its zod schema; `example` where the generated one would not read well or not validate. */
export const json = (s: z.ZodType, example?: unknown) => ({
  required: true,
  content: { 'application/json': { schema: schemaOf(s), ...(example === undefined ? {} : { example }) } },
});

const apiId = { type: 'string', format: 'uuid', description: 'this request’s id (also the X-Api-Id of its log lines)' };

/** A success body: the view's schema (as the service answers it) with the gateway's `api_id`; without a view, an object with `api_id`. */
export function ok(description: string, view?: z.ZodType) {
  const body = view ? schemaOf(view, 'output') : { type: 'object', additionalProperties: true };
  const properties = { api_id: apiId, ...((body.properties as object) ?? {}) };
  const required = ['api_id', ...((body.required as string[]) ?? [])];
  return { description, content: { 'application/json': { schema: { ...body, properties, required } } } };
}

/** An error status of an operation (`{ 409: error }`); finishDocument points it at the envelope for its status. */
export const error = { description: 'the {api_id, error} envelope' };

export const ERROR_SCHEMA = {
  type: 'object',
  description: "Plivo's error envelope, the body of every 4xx and 5xx",
  required: ['api_id', 'error'],
  properties: { api_id: apiId, error: { type: 'string', description: 'what went wrong, in words' } },
  additionalProperties: false,
};

const ERROR_TEXT: Record<number, string> = {
  400: 'the request does not validate',
  401: 'no or wrong credentials',
  403: 'the caller may not do this (IP whitelist, suspended or closed account, role)',
  404: 'no such resource for this caller',
  409: 'conflicts with the current state',
  413: 'the body is over the size limit',
  415: 'the body is not JSON or form data',
  429: 'too many requests (see Retry-After)',
  503: 'a service behind the gateway is down or did not answer in time',
};
const errorRef = (status: number) => ({ $ref: `#/components/responses/Error${status}` });
export const errorResponses = Object.fromEntries(
  Object.entries(ERROR_TEXT).map(([status, text]) => [
    `Error${status}`,
    {
      description: text,
      content: {
        'application/json': { schema: { $ref: '#/components/schemas/Error' }, example: { api_id: '5b1a1b4e-9a2e-4b51-8c67-0d6f1a3c2b10', error: text } },
      },
    },
  ]),
);

type Operation = {
  operationId?: string;
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: JsonSchema; example?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema; example?: unknown }> } | { $ref: string }>;
  security?: unknown[];
};
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const pascal = (s: string) => s.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, __, c: string) => c.toUpperCase());

/** `post /v1/Account/{auth_id}/Verify/Session/{session_uuid}/` → `postVerifySessionBySessionUuid`. */
export function operationIdOf(method: string, path: string): string {
  const parts = path
    .replace(/^\/v1\/Account\/\{auth_id\}/, '')
    .split('/')
    .filter((p) => p && p !== 'v1')
    .map((p) => (p.startsWith('{') ? `By${pascal(p.slice(1, -1))}` : pascal(p)));
  return `${method}${parts.join('')}`;
}

const withExample = (media: { schema: JsonSchema; example?: unknown }) =>
  media.example === undefined ? { ...media, example: sample(media.schema as never, { skipNonRequired: true, enablePatterns: true, quiet: true }) } : media;

/** The statuses an operation can return beyond its own: by what it has (a body, parameters, credentials). */
function errorStatuses(path: string, op: Operation, globalSecurity: boolean): number[] {
  const secured = op.security ? op.security.length > 0 : globalSecurity;
  const statuses = [400, 503];
  if (secured) statuses.push(401, 429);
  if (secured && (path.startsWith('/v1/') || path.startsWith('/console/'))) statuses.push(403);
  if (path.includes('{')) statuses.push(404);
  if (op.requestBody) statuses.push(413, 415);
  return statuses;
}

/** Completes every operation of `doc` (see the top of this file); a duplicate operationId throws. */
export function finishDocument<D extends { paths: Record<string, Record<string, unknown>>; security?: unknown[] }>(doc: D): D {
  const seen = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      if (!op) continue;
      op.operationId ??= operationIdOf(method, path);
      if (seen.has(op.operationId)) throw new Error(`duplicate operationId ${op.operationId} (${method} ${path})`);
      seen.add(op.operationId);
      const named = new Set((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name));
      const missing = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((n) => !named.has(n));
      op.parameters = [
        ...missing.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string', ...(name.endsWith('_uuid') ? { format: 'uuid' } : {}) } })),
        ...(op.parameters ?? []),
      ];
      if (op.requestBody) op.requestBody.content = Object.fromEntries(Object.entries(op.requestBody.content).map(([t, m]) => [t, withExample(m)]));
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) >= 400) op.responses[status] = errorRef(Number(status));
        else if ('content' in response && response.content) {
          response.content = Object.fromEntries(Object.entries(response.content).map(([t, m]) => [t, withExample(m)]));
        }
      }
      for (const status of errorStatuses(path, op, (doc.security ?? []).length > 0)) op.responses[status] ??= errorRef(status);
      if (op.parameters.length === 0) delete op.parameters;
    }
  }
  return doc;
}
