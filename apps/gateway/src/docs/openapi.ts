import {
  appCreateBody,
  appUpdateBody,
  geoPermissionBody,
  sessionCreateBody,
  sessionCreateResult,
  sessionListQuery,
  sessionValidateBody,
  sessionValidateResult,
  summaryQuery,
  templateBody,
  verifyAppView,
} from '@signet/contracts/verify';
import { pageSchema } from '@signet/contracts/common';
import {
  applicationCreateBody,
  applicationUpdateBody,
  credentialCreateBody,
  credentialUpdateBody,
  ipAclCreateBody,
  ipAclEntryBody,
  ipAclUpdateBody,
} from '@signet/contracts/sip-auth';
import { z } from 'zod';
import { ERROR_SCHEMA, error, errorResponses, finishDocument, json, ok } from './openapi-kit.js';
import { consolePaths, consoleSecurityScheme } from './console.openapi.js';
import { adminSecurityScheme, identityPaths } from './identity.openapi.js';

const errors = { 400: error, 401: error, 404: error, 429: error, 503: error };
const authId = { name: 'auth_id', in: 'path', required: true, schema: { type: 'string' } };
const uuid = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string', format: 'uuid' } });
const queryParams = (s: z.ZodObject) => Object.keys(s.shape).map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } }));

/** The OpenAPI document served at /docs, built from the same zod schemas that validate requests. */
export function openApiDocument() {
  return finishDocument({
    openapi: '3.1.0',
    info: {
      title: 'Signet API',
      version: '1',
      description: 'Plivo-compatible Verify API. HTTP BasicAuth with your auth id and auth token.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Signet' },
    },
    servers: [
      { url: '/', description: 'this gateway' },
      { url: 'http://127.0.0.1:8080', description: '`npm start` on this machine' },
    ],
    components: {
      securitySchemes: { basic: { type: 'http', scheme: 'basic' }, ...adminSecurityScheme, ...consoleSecurityScheme },
      schemas: { Error: ERROR_SCHEMA },
      responses: errorResponses,
    },
    security: [{ basic: [] }],
    paths: {
      '/v1/Account/{auth_id}/Verify/Session/': {
        post: {
          tags: ['Verify sessions'],
          summary: 'Create a session (or add an attempt to the one in progress)',
          parameters: [authId],
          requestBody: json(sessionCreateBody),
          responses: {
            202: ok('Session initiated', sessionCreateResult),
            ...errors,
            403: { ...error, description: 'GeoPermissionError: the destination is not allowed' },
          },
        },
        get: {
          tags: ['Verify sessions'],
          summary: 'List sessions (20 requests per minute)',
          parameters: [authId, ...queryParams(sessionListQuery)],
          responses: { 200: ok('Sessions and meta'), ...errors },
        },
      },
      '/v1/Account/{auth_id}/Verify/Session/{session_uuid}/': {
        get: {
          tags: ['Verify sessions'],
          summary: 'Retrieve a session',
          parameters: [authId, uuid('session_uuid')],
          responses: { 200: ok('The session'), ...errors },
        },
        post: {
          tags: ['Verify sessions'],
          summary: 'Validate a session with its OTP',
          parameters: [authId, uuid('session_uuid')],
          requestBody: json(sessionValidateBody),
          responses: { 200: ok('session validated successfully.', sessionValidateResult), ...errors },
        },
      },
      '/v1/Account/{auth_id}/Verify/GeoPermission/': {
        get: {
          tags: ['Verify abuse controls'],
          summary: 'The destination countries each channel may reach (as they apply to the caller)',
          parameters: [authId],
          responses: { 200: ok('sms and voice country lists'), ...errors },
        },
        post: {
          tags: ['Verify abuse controls'],
          summary: "Replace a channel's allowed countries (a subaccount may only narrow its main account's)",
          parameters: [authId],
          requestBody: json(geoPermissionBody),
          responses: { 200: ok('sms and voice country lists'), ...errors },
        },
      },
      '/v1/Account/{auth_id}/Verify/Summary/': {
        get: {
          tags: ['Verify abuse controls'],
          summary: 'Conversion analytics: sessions started and verified, attempts per channel, geo and Fraud Shield blocks',
          parameters: [authId, ...queryParams(summaryQuery)],
          responses: { 200: ok('The summary'), ...errors },
        },
      },
      '/v1/Account/{auth_id}/Verify/App/': {
        post: {
          tags: ['Verify apps'],
          summary: 'Create a Verify application',
          parameters: [authId],
          requestBody: json(appCreateBody),
          responses: { 201: ok('created', z.object({ message: z.literal('created'), app_uuid: z.string(), verify_app: verifyAppView })), ...errors },
        },
        get: {
          tags: ['Verify apps'],
          summary: 'List Verify applications',
          parameters: [authId],
          responses: { 200: ok('verify_apps and meta', z.object({ meta: z.looseObject({}), verify_apps: z.array(verifyAppView) })), ...errors },
        },
      },
      '/v1/Account/{auth_id}/Verify/App/{app_uuid}/': {
        get: {
          tags: ['Verify apps'],
          summary: 'Retrieve a Verify application',
          parameters: [authId, uuid('app_uuid')],
          responses: { 200: ok('verify_app', z.object({ verify_app: verifyAppView })), ...errors },
        },
        post: {
          tags: ['Verify apps'],
          summary: 'Update a Verify application',
          parameters: [authId, uuid('app_uuid')],
          requestBody: json(appUpdateBody),
          responses: { 202: ok('changed', z.object({ message: z.literal('changed'), verify_app: verifyAppView })), ...errors },
        },
        delete: {
          tags: ['Verify apps'],
          summary: 'Delete a Verify application',
          parameters: [authId, uuid('app_uuid')],
          responses: { 204: { description: 'deleted' }, ...errors },
        },
      },
      '/v1/Account/{auth_id}/Verify/App/{app_uuid}/Template/': {
        post: {
          tags: ['Verify apps'],
          summary: "Set the app's own text for a locale (must contain ${code}; replaces that locale's text)",
          parameters: [authId, uuid('app_uuid')],
          requestBody: json(templateBody, { locale: 'de', text: 'Ihr ${brand_name} Code lautet ${code}' }),
          responses: { 201: ok('created: locale and text'), ...errors },
        },
        get: {
          tags: ['Verify apps'],
          summary: "List the app's custom translations",
          parameters: [authId, uuid('app_uuid')],
          responses: { 200: ok('templates: [{locale, text}]'), ...errors },
        },
      },
      '/v1/Account/{auth_id}/Verify/App/{app_uuid}/Template/{locale}/': {
        delete: {
          tags: ['Verify apps'],
          summary: "Delete the app's text for a locale (sessions fall back to the built-in translation)",
          parameters: [authId, uuid('app_uuid'), { name: 'locale', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 204: { description: 'deleted' }, ...errors },
        },
      },
      '/v1/Account/{auth_id}/SipAuth/Credential/': {
        post: {
          tags: ['SIP auth'],
          summary: 'Create a SIP credential (200 per account; the password is kept only as HA1)',
          parameters: [authId],
          requestBody: json(credentialCreateBody),
          responses: { 201: ok('The credential'), ...errors, 409: error },
        },
        get: {
          tags: ['SIP auth'],
          summary: 'List SIP credentials',
          parameters: [authId, ...queryParams(pageSchema)],
          responses: { 200: ok('objects and meta'), ...errors },
        },
      },
      '/v1/Account/{auth_id}/SipAuth/Credential/{credential_uuid}/': {
        get: {
          tags: ['SIP auth'],
          summary: 'Retrieve a SIP credential',
          parameters: [authId, uuid('credential_uuid')],
          responses: { 200: ok('The credential'), ...errors },
        },
        post: {
          tags: ['SIP auth'],
          summary: "Change a SIP credential's password",
          parameters: [authId, uuid('credential_uuid')],
          requestBody: json(credentialUpdateBody),
          responses: { 202: ok('changed'), ...errors },
        },
        delete: {
          tags: ['SIP auth'],
          summary: 'Delete a SIP credential (409 while an application uses it)',
          parameters: [authId, uuid('credential_uuid')],
          responses: { 204: { description: 'deleted' }, ...errors, 409: error },
        },
      },
      '/v1/Account/{auth_id}/SipAuth/IpAccessControlList/': {
        post: {
          tags: ['SIP auth'],
          summary: 'Create an IP ACL, optionally with entries (100 per account)',
          parameters: [authId],
          requestBody: json(ipAclCreateBody),
          responses: { 201: ok('ip_acl_uuid'), ...errors },
        },
        get: {
          tags: ['SIP auth'],
          summary: 'List IP ACLs with their entries',
          parameters: [authId, ...queryParams(pageSchema)],
          responses: { 200: ok('objects and meta'), ...errors },
        },
      },
      '/v1/Account/{auth_id}/SipAuth/IpAccessControlList/{ip_acl_uuid}/': {
        get: {
          tags: ['SIP auth'],
          summary: 'Retrieve an IP ACL with its entries',
          parameters: [authId, uuid('ip_acl_uuid')],
          responses: { 200: ok('The IP ACL'), ...errors },
        },
        post: {
          tags: ['SIP auth'],
          summary: 'Rename an IP ACL',
          parameters: [authId, uuid('ip_acl_uuid')],
          requestBody: json(ipAclUpdateBody),
          responses: { 202: ok('changed'), ...errors },
        },
        delete: {
          tags: ['SIP auth'],
          summary: 'Delete an IP ACL and its entries (409 while an application uses it)',
          parameters: [authId, uuid('ip_acl_uuid')],
          responses: { 204: { description: 'deleted' }, ...errors, 409: error },
        },
      },
      '/v1/Account/{auth_id}/SipAuth/IpAccessControlList/{ip_acl_uuid}/Entry/': {
        post: {
          tags: ['SIP auth'],
          summary: 'Add an entry (50 per ACL; an address with bits set beyond its prefix is refused)',
          parameters: [authId, uuid('ip_acl_uuid')],
          requestBody: json(ipAclEntryBody),
          responses: { 201: ok('entry_id'), ...errors },
        },
      },
      '/v1/Account/{auth_id}/SipAuth/IpAccessControlList/{ip_acl_uuid}/Entry/{entry_id}/': {
        delete: {
          tags: ['SIP auth'],
          summary: 'Remove an entry',
          parameters: [authId, uuid('ip_acl_uuid'), uuid('entry_id')],
          responses: { 204: { description: 'deleted' }, ...errors },
        },
      },
      '/v1/Account/{auth_id}/Application/': {
        post: {
          tags: ['Applications'],
          summary: 'Create an application, optionally with SIP auth (sip_auth_type, credential_uuid, ip_acl_uuid)',
          parameters: [authId],
          requestBody: json(applicationCreateBody),
          responses: { 201: ok('created, app_id'), ...errors },
        },
        get: {
          tags: ['Applications'],
          summary: 'List applications',
          parameters: [authId, ...queryParams(pageSchema)],
          responses: { 200: ok('objects and meta'), ...errors },
        },
      },
      '/v1/Account/{auth_id}/Application/{app_id}/': {
        get: {
          tags: ['Applications'],
          summary: 'Retrieve an application (sip_auth_group: its X-Signet-App-Group for SIP proxies)',
          parameters: [authId, uuid('app_id')],
          responses: { 200: ok('The application'), ...errors },
        },
        post: {
          tags: ['Applications'],
          summary: 'Update an application; sip_auth_type "" releases its credential and IP ACL',
          parameters: [authId, uuid('app_id')],
          requestBody: json(applicationUpdateBody),
          responses: { 202: ok('changed'), ...errors },
        },
        delete: {
          tags: ['Applications'],
          summary: 'Delete an application',
          parameters: [authId, uuid('app_id')],
          responses: { 204: { description: 'deleted' }, ...errors },
        },
      },
      ...identityPaths(),
      ...consolePaths(),
    },
  });
}
