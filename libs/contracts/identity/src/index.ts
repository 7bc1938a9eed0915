export * from './subjects.js';
export * from './messages.js';
export * from './subaccount.messages.js';
export * from './ip-whitelist.messages.js';
export * from './admin.messages.js';
export * from './events.js';
export * from './errors.js';
export * from './rpc.js';
