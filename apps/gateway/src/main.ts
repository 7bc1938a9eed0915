import 'reflect-metadata';
import { GATEWAY_CONFIG, type GatewayConfig } from './config/gateway.config.js';
import { createGateway } from './gateway.app.js';

const app = await createGateway();
const config = app.get<GatewayConfig>(GATEWAY_CONFIG);
await app.listen(config.GATEWAY_PORT, config.GATEWAY_HOST);
