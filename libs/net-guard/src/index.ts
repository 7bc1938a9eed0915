/**
 * SSRF guard for every URL Signet calls on a customer's behalf (status callbacks, balance-alert webhooks, SIP
 * answer URLs):
 * - `assertPublicUrl(url, { allowPrivate })` at create time: throws `UnsafeUrlError` (its message is fit for a 400)
 *   unless the URL is http(s) and its host is or resolves only to public unicast addresses;
 * - `guardedAgent({ allowPrivate })` at connect time: an undici dispatcher that checks the resolved address and
 *   pins it for the connection (no DNS rebinding);
 * - `allowPrivateNetworks()` reads `CALLBACKS_ALLOW_PRIVATE_NETWORKS` (default: on outside production, off in it);
 * - `addressRefusal(ip, opts)` is the policy itself (ipaddr.js ranges; cloud metadata addresses always refused).
 */
export * from './address-policy.js';
export * from './url-check.js';
export * from './guarded-agent.js';
