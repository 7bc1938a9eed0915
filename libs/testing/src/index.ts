export * from './accounts.factory.js';
export * from './http.js';
