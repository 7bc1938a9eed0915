export * from './subjects.js';
export * from './errors.js';
export * from './fields.js';
export * from './credential.messages.js';
export * from './ip-acl.messages.js';
export * from './application.messages.js';
export * from './proxy.messages.js';
export * from './rpc.js';
