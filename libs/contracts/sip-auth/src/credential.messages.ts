import { z } from 'zod';
import { callerSchema, listResult, pageSchema } from '@signet/contracts/common';
import { requiredString } from './fields.js';

const username = requiredString.pipe(
  z
    .string()
    .min(3, 'must be 3 to 64 characters')
    .max(64, 'must be 3 to 64 characters')
    .regex(/^[A-Za-z0-9._-]+$/, 'may contain only letters, digits, period (.), underscore (_) and hyphen (-)'),
);

const password = requiredString.pipe(
  z
    .string()
    .min(12, 'must be 12 to 128 characters')
    .max(128, 'must be 12 to 128 characters')
    .regex(/[A-Z]/, 'must include at least one uppercase letter')
    .regex(/[a-z]/, 'must include at least one lowercase letter')
    .regex(/[0-9]/, 'must include at least one digit'),
);

export const credentialCreateBody = z.object({ username, password });
export const credentialUpdateBody = z.object({ password });

export const credentialCreateRequest = z.object({ caller: callerSchema, body: credentialCreateBody });
export const credentialRef = z.object({ caller: callerSchema, credential_uuid: z.string() });
export const credentialUpdateRequest = credentialRef.extend({ body: credentialUpdateBody });
export const credentialListRequest = z.object({ caller: callerSchema, query: pageSchema });
export type CredentialCreateRequest = z.infer<typeof credentialCreateRequest>;
export type CredentialRef = z.infer<typeof credentialRef>;
export type CredentialUpdateRequest = z.infer<typeof credentialUpdateRequest>;
export type CredentialListRequest = z.infer<typeof credentialListRequest>;

/** The password is never part of it: only its HA1 digests are stored. */
export const credentialView = z.strictObject({ credential_uuid: z.string(), username: z.string(), realm: z.string(), resource_uri: z.string() });
export type CredentialView = z.infer<typeof credentialView>;

export const credentialListResult = listResult(credentialView);
export type CredentialListResult = z.infer<typeof credentialListResult>;
