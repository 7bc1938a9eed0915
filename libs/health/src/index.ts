export * from './checks.js';
export * from './health.js';
export * from './health-server.js';
