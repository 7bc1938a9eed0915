export * from './read-config.js';
export * from './infra.config.js';
export * from './redis-options.js';
export * from './production-guard.js';
export * from './boot.js';
