/**
 * Plivo's callback signatures (V2 and V3, plain and `-Ma-`), so receivers can judge them with Plivo's own SDK
 * validators. Use `plivoSignatureHeaders(method, url, fields, { token, mainToken })` on every outgoing webhook;
 * `url` must be exactly what the customer configured (it is signed as written). `signV2`/`signV3` are the parts;
 * `sendSignedWebhook` sends one (callbacks and balance-alert webhooks).
 */
export * from './plivo-signature.js';
export * from './signed-webhook.js';
