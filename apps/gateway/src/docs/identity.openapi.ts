import { pageSchema } from '@signet/contracts/common';
import {
  accountUpdateBody,
  adminAccountCreateBody,
  adminAccountListQuery,
  ipWhitelistAddBody,
  ipWhitelistSetBody,
  subaccountCreateBody,
  subaccountUpdateBody,
  tokenRotateBody,
} from '@signet/contracts/identity';
import type { z } from 'zod';
import { error, json, ok } from './openapi-kit.js';

const errors = { 400: error, 401: error, 403: error, 404: error, 429: error, 503: error };
const path = (name: string, format?: string) => ({ name, in: 'path', required: true, schema: { type: 'string', ...(format ? { format } : {}) } });
const query = (s: z.ZodObject) => Object.keys(s.shape).map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } }));
const authId = path('auth_id');
const deleted = { 204: { description: 'deleted' }, ...errors };
const admin = { security: [{ admin: [] }], tags: ['Admin: accounts'] };

/** The bearer scheme of the operators' admin API. */
export const adminSecurityScheme = { admin: { type: 'http', scheme: 'bearer', description: 'SIGNET_ADMIN_TOKEN' } };

/** Accounts, subaccounts, auth tokens, the IP whitelist, and the operators' admin API. */
export function identityPaths() {
  return {
    '/v1/Account/{auth_id}/': {
      get: { tags: ['Account'], summary: 'Retrieve the account', parameters: [authId], responses: { 200: ok('The account'), ...errors } },
      post: {
        tags: ['Account'],
        summary: 'Change name, city, address (the data region never changes)',
        parameters: [authId],
        requestBody: json(accountUpdateBody),
        responses: { 202: ok('changed'), ...errors },
      },
    },
    '/v1/Account/{auth_id}/AuthToken/': {
      post: {
        tags: ['Account'],
        summary: 'Regenerate the auth token; the old one stops immediately or after 48h',
        parameters: [authId],
        requestBody: json(tokenRotateBody),
        responses: { 201: ok('The new auth_token'), ...errors },
      },
    },
    '/v1/Account/{auth_id}/Subaccount/': {
      post: {
        tags: ['Subaccounts'],
        summary: 'Create a subaccount (disabled unless enabled is true)',
        parameters: [authId],
        requestBody: json(subaccountCreateBody),
        responses: { 201: ok('auth_id, auth_token'), ...errors },
      },
      get: {
        tags: ['Subaccounts'],
        summary: 'List subaccounts, newest first',
        parameters: [authId, ...query(pageSchema)],
        responses: { 200: ok('objects and meta'), ...errors },
      },
    },
    '/v1/Account/{auth_id}/Subaccount/{subaccount_auth_id}/': {
      get: {
        tags: ['Subaccounts'],
        summary: 'Retrieve a subaccount, its auth token included',
        parameters: [authId, path('subaccount_auth_id')],
        responses: { 200: ok('The subaccount'), ...errors },
      },
      post: {
        tags: ['Subaccounts'],
        summary: 'Rename, enable or disable a subaccount',
        parameters: [authId, path('subaccount_auth_id')],
        requestBody: json(subaccountUpdateBody),
        responses: { 202: ok('changed'), ...errors },
      },
      delete: {
        tags: ['Subaccounts'],
        summary: 'Delete a subaccount; cascade=true deletes what it owns, otherwise it moves to the main account',
        parameters: [authId, path('subaccount_auth_id'), { name: 'cascade', in: 'query', required: false, schema: { type: 'boolean' } }],
        responses: deleted,
      },
    },
    '/v1/Account/{auth_id}/IpWhitelist/': {
      get: {
        tags: ['IP whitelist'],
        summary: 'List whitelisted CIDRs and whether enforcement is on',
        parameters: [authId],
        responses: { 200: ok('enabled, objects'), ...errors },
      },
      post: {
        tags: ['IP whitelist'],
        summary: 'Add an IPv4 or IPv6 CIDR',
        parameters: [authId],
        requestBody: json(ipWhitelistAddBody),
        responses: { 201: ok('The entry'), ...errors, 409: error },
      },
    },
    '/v1/Account/{auth_id}/IpWhitelist/Settings/': {
      post: {
        tags: ['IP whitelist'],
        summary: 'Turn enforcement on or off (on needs at least one entry)',
        parameters: [authId],
        requestBody: json(ipWhitelistSetBody),
        responses: { 202: ok('changed'), ...errors, 409: error },
      },
    },
    '/v1/Account/{auth_id}/IpWhitelist/{entry_id}/': {
      delete: {
        tags: ['IP whitelist'],
        summary: 'Remove an entry (not the last one while enforced)',
        parameters: [authId, path('entry_id', 'uuid')],
        responses: { ...deleted, 409: error },
      },
    },
    '/admin/v1/Account/': {
      post: {
        ...admin,
        summary: 'Open an account (data region us or in, fixed for life)',
        requestBody: json(adminAccountCreateBody),
        responses: { 201: ok('auth_id, auth_token, account'), ...errors, 409: error },
      },
      get: { ...admin, summary: 'List and find accounts', parameters: query(adminAccountListQuery), responses: { 200: ok('objects and meta'), ...errors } },
    },
    '/admin/v1/Account/{auth_id}/': {
      get: { ...admin, summary: 'Retrieve an account', parameters: [authId], responses: { 200: ok('The account'), ...errors } },
    },
    '/admin/v1/Account/{auth_id}/Suspend/': {
      post: {
        ...admin,
        summary: 'Suspend: every call of the account and its subaccounts gets a 403',
        parameters: [authId],
        responses: { 202: ok('suspended'), ...errors, 409: error },
      },
    },
    '/admin/v1/Account/{auth_id}/Reactivate/': {
      post: { ...admin, summary: 'Reactivate a suspended account', parameters: [authId], responses: { 202: ok('reactivated'), ...errors, 409: error } },
    },
    '/admin/v1/Account/{auth_id}/Close/': {
      post: {
        ...admin,
        summary: 'Close irreversibly: credentials stop at once, every service deletes the data',
        parameters: [authId],
        responses: { 202: ok('closed'), ...errors, 409: error },
      },
    },
  };
}
