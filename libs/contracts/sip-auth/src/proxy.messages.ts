import { z } from 'zod';
import { isIp } from './fields.js';

export const DIGEST_ALGORITHMS = ['MD5', 'MD5-sess', 'SHA-256', 'SHA-256-sess'] as const;
export type DigestAlgorithm = (typeof DIGEST_ALGORITHMS)[number];

// RFC 7616 algorithm tokens are case-insensitive ("md5", "sha-256-SESS"); map them to their canonical spelling.
const algorithm = z.preprocess(
  (v) => (typeof v === 'string' ? (DIGEST_ALGORITHMS.find((a) => a.toLowerCase() === v.toLowerCase()) ?? v) : v),
  z.enum(DIGEST_ALGORITHMS, { error: `must be one of ${DIGEST_ALGORITHMS.join(', ')}` }),
);

/**
 * The digest parameters of a SIP Authorization header as a proxy received them. Nonce freshness and replay
 * (nc) are the proxy's business: it issued the nonce. Only qop `auth` (or none, RFC 2069) is supported;
 * `auth-int` would need the message body.
 */
export const digestVerifyRequest = z
  .object({
    username: z.string().min(1).max(64),
    realm: z.string().min(1).max(64),
    method: z.string().min(1).max(32),
    uri: z.string().min(1).max(2048),
    nonce: z.string().min(1).max(1024),
    response: z.string().regex(/^[0-9a-fA-F]{32}([0-9a-fA-F]{32})?$/, 'must be 32 or 64 hex digits'),
    algorithm: algorithm.default('MD5'),
    qop: z.enum(['auth'], { error: 'only qop auth is supported' }).optional(),
    cnonce: z.string().min(1).max(1024).optional(),
    nc: z
      .string()
      .regex(/^[0-9a-fA-F]{8}$/, 'must be 8 hex digits')
      .optional(),
  })
  .refine((d) => d.qop === undefined || (d.cnonce !== undefined && d.nc !== undefined), 'qop auth needs cnonce and nc')
  .refine((d) => !d.algorithm.endsWith('-sess') || d.cnonce !== undefined, 'a -sess algorithm needs cnonce');
export type DigestVerifyRequest = z.infer<typeof digestVerifyRequest>;

export const digestVerifyResult = z.strictObject({
  valid: z.boolean(),
  /** The credential the username and realm name, when the response is valid. */
  credential_uuid: z.string().nullable(),
});
export type DigestVerifyResult = z.infer<typeof digestVerifyResult>;

/** The application by its id or by its group number (the `grp` of the Kamailio `address` view). */
export const addressCheckRequest = z
  .object({
    app_id: z.uuid().optional(),
    sip_auth_group: z.number().int().positive().optional(),
    source_ip: z.string().refine(isIp, 'must be a valid IPv4 or IPv6 address'),
  })
  .refine((r) => (r.app_id === undefined) !== (r.sip_auth_group === undefined), 'give exactly one of app_id and sip_auth_group');
export type AddressCheckRequest = z.infer<typeof addressCheckRequest>;

export const addressCheckResult = z.strictObject({
  app_id: z.string(),
  /** False when the application's sip_auth_type does not include an IP ACL: then every address is allowed. */
  ip_acl_required: z.boolean(),
  allowed: z.boolean(),
});
export type AddressCheckResult = z.infer<typeof addressCheckResult>;
