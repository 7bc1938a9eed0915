import { appCreateBody, appUpdateBody, sessionCreateBody, sessionListQuery, sessionValidateBody } from '@signet/contracts/verify';
import { z } from 'zod';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
const json = (s: z.ZodType) => ({ required: true, content: { 'application/json': { schema: schema(s) } } });
const error = { description: 'Plivo error envelope', content: { 'application/json': { schema: { type: 'object', properties: { api_id: { type: 'string' }, error: { type: 'string' } } } } } };
const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const errors = { 400: error, 401: error, 404: error, 429: error, 503: error };
const authId = { name: 'auth_id', in: 'path', required: true, schema: { type: 'string' } };
const uuid = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string', format: 'uuid' } });
const queryParams = (s: z.ZodObject) =>
  Object.keys(s.shape).map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } }));

/** The OpenAPI document served at /docs, built from the same zod schemas that validate requests. */
export function openApiDocument() {
  return {
    openapi: '3.0.3',
    info: { title: 'Signet API', version: '1', description: 'Plivo-compatible Verify API. HTTP BasicAuth with your auth id and auth token.' },
    components: { securitySchemes: { basic: { type: 'http', scheme: 'basic' } } },
    security: [{ basic: [] }],
    paths: {
      '/v1/Account/{auth_id}/Verify/Session/': {
        post: { tags: ['Verify sessions'], summary: 'Create a session (or add an attempt to the one in progress)', parameters: [authId], requestBody: json(sessionCreateBody), responses: { 202: ok('Session initiated'), ...errors } },
        get: { tags: ['Verify sessions'], summary: 'List sessions (20 requests per minute)', parameters: [authId, ...queryParams(sessionListQuery)], responses: { 200: ok('Sessions and meta'), ...errors } },
      },
      '/v1/Account/{auth_id}/Verify/Session/{session_uuid}/': {
        get: { tags: ['Verify sessions'], summary: 'Retrieve a session', parameters: [authId, uuid('session_uuid')], responses: { 200: ok('The session'), ...errors } },
        post: { tags: ['Verify sessions'], summary: 'Validate a session with its OTP', parameters: [authId, uuid('session_uuid')], requestBody: json(sessionValidateBody), responses: { 200: ok('session validated successfully.'), ...errors } },
      },
      '/v1/Account/{auth_id}/Verify/App/': {
        post: { tags: ['Verify apps'], summary: 'Create a Verify application', parameters: [authId], requestBody: json(appCreateBody), responses: { 201: ok('created'), ...errors } },
        get: { tags: ['Verify apps'], summary: 'List Verify applications', parameters: [authId], responses: { 200: ok('verify_apps and meta'), ...errors } },
      },
      '/v1/Account/{auth_id}/Verify/App/{app_uuid}/': {
        get: { tags: ['Verify apps'], summary: 'Retrieve a Verify application', parameters: [authId, uuid('app_uuid')], responses: { 200: ok('verify_app'), ...errors } },
        post: { tags: ['Verify apps'], summary: 'Update a Verify application', parameters: [authId, uuid('app_uuid')], requestBody: json(appUpdateBody), responses: { 202: ok('changed'), ...errors } },
        delete: { tags: ['Verify apps'], summary: 'Delete a Verify application', parameters: [authId, uuid('app_uuid')], responses: { 204: { description: 'deleted' }, ...errors } },
      },
    },
  };
}
