import { z } from 'zod';
import { callerSchema, lenientBool } from '@signet/contracts/common';

/** At most this many entries per account: a whitelist is a short list of offices and servers, not a firewall. */
export const IP_WHITELIST_MAX = 100;

/** An IPv4 or IPv6 CIDR (`192.0.2.0/24`, `2001:db8::/32`); a bare address means that one address. */
export const cidr = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z
    .string({ error: 'cidr is required' })
    .transform((v) => (v.includes('/') ? v : `${v}/${v.includes(':') ? 128 : 32}`))
    .pipe(z.union([z.cidrv4(), z.cidrv6()], { error: 'must be an IPv4 or IPv6 CIDR such as 192.0.2.0/24 or 2001:db8::/32' })),
);

export const ipWhitelistAddBody = z.object({ cidr });
export const ipWhitelistSetBody = z.object({ enabled: z.preprocess((v) => (v === null ? undefined : v), lenientBool) });

export const ipWhitelistListRequest = z.object({ caller: callerSchema });
export const ipWhitelistAddRequest = z.object({ caller: callerSchema, body: ipWhitelistAddBody });
export const ipWhitelistRemoveRequest = z.object({ caller: callerSchema, entry_id: z.string().max(64) });
export const ipWhitelistSetRequest = z.object({ caller: callerSchema, body: ipWhitelistSetBody });
export type IpWhitelistAddRequest = z.infer<typeof ipWhitelistAddRequest>;
export type IpWhitelistRemoveRequest = z.infer<typeof ipWhitelistRemoveRequest>;
export type IpWhitelistSetRequest = z.infer<typeof ipWhitelistSetRequest>;

export const ipWhitelistEntryView = z.strictObject({ id: z.string(), cidr: z.string(), created_at: z.string() });
export type IpWhitelistEntryView = z.infer<typeof ipWhitelistEntryView>;

export const ipWhitelistView = z.strictObject({ enabled: z.boolean(), objects: z.array(ipWhitelistEntryView) });
export type IpWhitelistView = z.infer<typeof ipWhitelistView>;
