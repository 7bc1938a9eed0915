export * from './keyring.js';
export * from './auth-token.js';
