import { z } from 'zod';
import { callerSchema, lenientInt, listResult, optional, pageSchema } from '@signet/contracts/common';
import { SIP_AUTH_QUOTAS } from './errors.js';
import { hostPrefix, ipAddress, isIpv4, requiredString } from './fields.js';

/** An entry as given; `cidr_prefix` defaults to a single host (32 for IPv4, 128 for IPv6). */
export const ipAclEntryBody = z
  .object({
    ip: ipAddress,
    cidr_prefix: optional(lenientInt),
    description: optional(z.string({ error: 'must be a string' }).max(255, 'must be at most 255 characters')).default(''),
  })
  .superRefine((entry, ctx) => {
    const max = hostPrefix(entry.ip);
    if (entry.cidr_prefix !== undefined && (entry.cidr_prefix < 0 || entry.cidr_prefix > max)) {
      ctx.addIssue({ code: 'custom', path: ['cidr_prefix'], message: `must be 0 to ${max} for an ${isIpv4(entry.ip) ? 'IPv4' : 'IPv6'} address` });
    }
  })
  .transform((entry) => ({ ...entry, cidr_prefix: entry.cidr_prefix ?? hostPrefix(entry.ip) }));
export type IpAclEntryBody = z.infer<typeof ipAclEntryBody>;

const name = requiredString.pipe(z.string().trim().min(1, 'must not be empty').max(120, 'must be 1 to 120 characters'));
const maxEntries = SIP_AUTH_QUOTAS.entriesPerIpAcl;

export const ipAclCreateBody = z.object({
  name,
  entries: optional(z.array(ipAclEntryBody, { error: 'must be a list of entries' }).max(maxEntries, `at most ${maxEntries} entries per IP ACL`)).default([]),
});
export const ipAclUpdateBody = z.object({ name });

export const ipAclCreateRequest = z.object({ caller: callerSchema, body: ipAclCreateBody });
export const ipAclRef = z.object({ caller: callerSchema, ip_acl_uuid: z.string() });
export const ipAclUpdateRequest = ipAclRef.extend({ body: ipAclUpdateBody });
export const ipAclListRequest = z.object({ caller: callerSchema, query: pageSchema });
export const ipAclEntryAddRequest = ipAclRef.extend({ body: ipAclEntryBody });
export const ipAclEntryRef = ipAclRef.extend({ entry_id: z.string() });
export type IpAclCreateRequest = z.infer<typeof ipAclCreateRequest>;
export type IpAclRef = z.infer<typeof ipAclRef>;
export type IpAclUpdateRequest = z.infer<typeof ipAclUpdateRequest>;
export type IpAclListRequest = z.infer<typeof ipAclListRequest>;
export type IpAclEntryAddRequest = z.infer<typeof ipAclEntryAddRequest>;
export type IpAclEntryRef = z.infer<typeof ipAclEntryRef>;

export const ipAclEntryView = z.strictObject({ entry_id: z.string(), ip: z.string(), cidr_prefix: z.number(), description: z.string() });
export type IpAclEntryView = z.infer<typeof ipAclEntryView>;

export const ipAclView = z.strictObject({ ip_acl_uuid: z.string(), name: z.string(), entries: z.array(ipAclEntryView), resource_uri: z.string() });
export type IpAclView = z.infer<typeof ipAclView>;

export const ipAclListResult = listResult(ipAclView);
export type IpAclListResult = z.infer<typeof ipAclListResult>;
