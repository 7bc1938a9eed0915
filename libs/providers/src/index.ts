export * from './delivery-provider.js';
export * from './outbox/outbox.provider.js';
