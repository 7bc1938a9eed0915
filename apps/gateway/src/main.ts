import 'reflect-metadata';
import { boot, redisDependency } from '@signet/config';
import { startHealthServer } from '@signet/health';
import { natsDependency, RpcClient } from '@signet/nats';
import { GATEWAY_CONFIG, loadGatewayConfig, type GatewayConfig } from './config/gateway.config.js';

await boot('gateway', {
  rules: ['adminToken', 'privateNetworks'],
  needs: () => {
    const c = loadGatewayConfig();
    return [natsDependency(c.NATS_URL), redisDependency(c.REDIS_URL)];
  },
  start: async () => {
    const { createGateway } = await import('./gateway.app.js');
    const app = await createGateway();
    const config = app.get<GatewayConfig>(GATEWAY_CONFIG);
    await app.listen(config.GATEWAY_PORT, config.GATEWAY_HOST);
    // The health port: ready when NATS is connected (as /readyz), metrics off the public port.
    const nc = app.get(RpcClient).connection;
    await startHealthServer('gateway', [{ name: 'nats', check: () => nc.rtt() }]);
  },
});
