import 'reflect-metadata';
import { boot } from '@signet/config';
import { postgresDependency } from '@signet/database';
import { natsDependency, startNatsService } from '@signet/nats';
import { loadSipAuthConfig } from './config/sip-auth.config.js';
import { SipAuthModule } from './sip-auth.module.js';

await boot('sip-auth', {
  rules: [],
  needs: () => [postgresDependency('SIPAUTH'), natsDependency(loadSipAuthConfig().NATS_URL)],
  start: () => startNatsService('sip-auth', SipAuthModule, loadSipAuthConfig().NATS_URL),
});
