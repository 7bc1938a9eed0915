import 'reflect-metadata';
import { startNatsService } from '@signet/nats';
import { loadIdentityConfig } from './config/identity.config.js';
import { IdentityModule } from './identity.module.js';

await startNatsService('identity', IdentityModule, loadIdentityConfig().NATS_URL);
