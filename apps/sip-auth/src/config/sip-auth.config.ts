import { infraSchema, readConfig, serviceDatabaseUrl } from '@signet/config';
import { z } from 'zod';

export const sipAuthConfigSchema = infraSchema.extend({
  /**
   * Realm of new credentials (each keeps the realm its HA1 was computed with). Plivo's `app.plivo.com` by default,
   * as the seed shows; a SIP client's From domain must equal it (Kamailio challenges with realm = From domain).
   * At most 64 characters: Kamailio's subscriber.domain.
   */
  SIPAUTH_REALM: z
    .string()
    .regex(/^[A-Za-z0-9]([A-Za-z0-9.-]{0,62}[A-Za-z0-9])?$/, 'must be a domain name of at most 64 characters')
    .default('app.plivo.com'),
});
export type SipAuthConfig = Readonly<z.infer<typeof sipAuthConfigSchema>>;
export const SIPAUTH_CONFIG = Symbol('SIPAUTH_CONFIG');

export const loadSipAuthConfig = (): SipAuthConfig => readConfig('sip-auth', sipAuthConfigSchema);
export const sipAuthDatabaseUrl = (): string => serviceDatabaseUrl('SIPAUTH');
