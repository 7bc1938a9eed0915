import 'reflect-metadata';
import { boot } from '@signet/config';
import { postgresDependency } from '@signet/database';
import { natsDependency, startNatsService } from '@signet/nats';
import { loadSipAuthConfig } from './config/sip-auth.config.js';

await boot('sip-auth', {
  rules: [],
  needs: () => [postgresDependency('SIPAUTH'), natsDependency(loadSipAuthConfig().NATS_URL)],
  start: async () => startNatsService('sip-auth', (await import('./sip-auth.module.js')).SipAuthModule, loadSipAuthConfig().NATS_URL),
});
