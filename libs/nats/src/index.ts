export * from './nats-connection.js';
export * from './rpc-client.js';
export * from './rpc-server.js';
export * from './rpc-exception.filter.js';
export * from './jetstream.js';
export * from './start-service.js';
export * from './consume-events.js';
export * from './rpc-handler.js';
