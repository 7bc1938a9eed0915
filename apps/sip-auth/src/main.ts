import 'reflect-metadata';
import { startNatsService } from '@signet/nats';
import { loadSipAuthConfig } from './config/sip-auth.config.js';
import { SipAuthModule } from './sip-auth.module.js';

await startNatsService('sip-auth', SipAuthModule, loadSipAuthConfig().NATS_URL);
