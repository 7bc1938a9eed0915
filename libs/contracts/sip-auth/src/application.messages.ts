import { z } from 'zod';
import { callerSchema, listResult, optional, pageSchema } from '@signet/contracts/common';
import { requiredString } from './fields.js';

/** `""` means no SIP authentication: setting it releases the application's credential and IP ACL. */
export const SIP_AUTH_TYPES = ['', 'credential', 'ip_acl', 'credential_ip_acl'] as const;
export type SipAuthType = (typeof SIP_AUTH_TYPES)[number];

// Unlike other arguments, `""` is a value here, so the lenient helpers (which read "" as unset) do not apply.
const sipAuthType = z.preprocess(
  (v) => (v === null ? undefined : typeof v === 'string' ? v.trim().toLowerCase() : v),
  z.enum(SIP_AUTH_TYPES, { error: 'must be "" (none), credential, ip_acl or credential_ip_acl' }).optional(),
);

const appName = z
  .string()
  .max(120, 'must be 1 to 120 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, hyphen (-) and underscore (_)');
const answerUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2048, 'must be at most 2048 characters');
const answerMethod = z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(['GET', 'POST'], { error: 'must be GET or POST' }));
const uuid = z.uuid({ error: 'must be a UUID' });

/** Unset fields keep their value on update; on create the service fills POST and "" (no SIP auth). */
const applicationFields = {
  app_name: optional(appName),
  answer_url: optional(answerUrl),
  answer_method: optional(answerMethod),
  sip_auth_type: sipAuthType,
  credential_uuid: optional(uuid),
  ip_acl_uuid: optional(uuid),
};

export const applicationCreateBody = z.object({
  ...applicationFields,
  app_name: requiredString.pipe(appName),
  answer_url: requiredString.pipe(answerUrl),
});
export const applicationUpdateBody = z.object(applicationFields);
export type ApplicationUpdateBody = z.infer<typeof applicationUpdateBody>;

export const applicationCreateRequest = z.object({ caller: callerSchema, body: applicationCreateBody });
export const applicationRef = z.object({ caller: callerSchema, app_id: z.string() });
export const applicationUpdateRequest = applicationRef.extend({ body: applicationUpdateBody });
export const applicationListRequest = z.object({ caller: callerSchema, query: pageSchema });
export type ApplicationCreateRequest = z.infer<typeof applicationCreateRequest>;
export type ApplicationRef = z.infer<typeof applicationRef>;
export type ApplicationUpdateRequest = z.infer<typeof applicationUpdateRequest>;
export type ApplicationListRequest = z.infer<typeof applicationListRequest>;

/**
 * Plivo's application object, limited to what SIP authentication needs. `sip_auth_group` is Signet's own: the
 * group number of the application's IP ACL entries in the Kamailio `address` view (what a proxy sends as
 * `X-Signet-App-Group`).
 */
export const applicationView = z.strictObject({
  app_id: z.string(),
  app_name: z.string(),
  answer_url: z.string(),
  answer_method: z.enum(['GET', 'POST']),
  sip_auth_type: z.enum(SIP_AUTH_TYPES),
  credential_uuid: z.string().nullable(),
  ip_acl_uuid: z.string().nullable(),
  sip_auth_group: z.number(),
  sub_account: z.string().nullable(),
  resource_uri: z.string(),
});
export type ApplicationView = z.infer<typeof applicationView>;

export const applicationListResult = listResult(applicationView);
export type ApplicationListResult = z.infer<typeof applicationListResult>;
