export * from './subjects.js';
export * from './errors.js';
export * from './messages.js';
export * from './rpc.js';
