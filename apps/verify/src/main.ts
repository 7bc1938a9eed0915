import 'reflect-metadata';
import { startNatsService } from '@signet/nats';
import { loadVerifyConfig } from './config/verify.config.js';
import { VerifyModule } from './verify.module.js';

await startNatsService('verify', VerifyModule, loadVerifyConfig().NATS_URL);
