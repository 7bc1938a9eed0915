export * from './fake-vendor.js';
export * from './twilio-fake.js';
export * from './plivo-fake.js';
export * from './vonage-fake.js';
