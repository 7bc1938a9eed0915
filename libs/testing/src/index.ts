export * from './accounts.factory.js';
export * from './http.js';
export * from './events.js';
export * from './eventually.js';
export * from './vendors/index.js';
