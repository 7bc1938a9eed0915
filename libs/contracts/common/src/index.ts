export * from './errors.js';
export * from './events.js';
export * from './services.js';
export * from './page.js';
export * from './lenient.js';
export * from './money.js';
