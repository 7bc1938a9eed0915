import 'reflect-metadata';
import { infraSchema, readConfig } from '@signet/config';
import { startNatsService } from '@signet/nats';
import { SipAuthModule } from './sip-auth.module.js';

const config = readConfig('sip-auth', infraSchema);
await startNatsService('sip-auth', SipAuthModule, config.NATS_URL);
