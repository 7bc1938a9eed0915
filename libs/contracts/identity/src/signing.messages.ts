import { z } from 'zod';

/** `identity.signing_tokens.get`: the (sub)account whose webhook is being signed. */
export const signingTokensRequest = z.object({ auth_id: z.string().min(1).max(64) });
export type SigningTokensRequest = z.infer<typeof signingTokensRequest>;

/**
 * The account's current (non-expiring) token and its main account's (equal for a main account). Secret: callers keep
 * it in memory only, never log it, and forget it on `identity.credentials.changed` for either id.
 */
export const signingTokensResult = z.object({
  auth_id: z.string(),
  main_auth_id: z.string(),
  token: z.string(),
  main_token: z.string(),
});
export type SigningTokensResult = z.infer<typeof signingTokensResult>;
