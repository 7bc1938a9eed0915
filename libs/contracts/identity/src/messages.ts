import { z } from 'zod';

export const authenticateRequest = z.object({
  auth_id: z.string().min(1).max(64),
  auth_token: z.string().min(1).max(256),
});
export type AuthenticateRequest = z.infer<typeof authenticateRequest>;

export const accountGetRequest = z.object({ auth_id: z.string().min(1).max(64) });

/** Plivo's account resource, as GET /v1/Account/{auth_id}/ returns it (without api_id). */
export interface AccountView {
  account_type: 'standard' | 'developer';
  address: string;
  auth_id: string;
  auto_recharge: boolean;
  billing_mode: 'prepaid' | 'postpaid';
  cash_credits: string;
  city: string;
  name: string;
  resource_uri: string;
  state: string;
  timezone: string;
}
