import type { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Caller } from '@signet/contracts/common';
import { type AdminAccountCreateBody, adminAccountCreateBody, type CredentialsChanged, IdentityNotices } from '@signet/contracts/identity';
import { createLogger } from '@signet/logging';
import { connectNats, natsSubject, startNatsService } from '@signet/nats';
import { BillingAlertsModule } from '../../billing-alerts/src/billing-alerts.module.js';
import { randomUUID } from 'node:crypto';
import { AdminAccountsService } from '../src/admin/admin-accounts.service.js';
import { IdentityModule } from '../src/identity.module.js';
import { SubaccountsService } from '../src/subaccounts/subaccounts.service.js';

/**
 * Identity's whole module on the machine's real Postgres and NATS (the test database `npm test` migrated), with the
 * billing-alerts service it reads balances from (a NATS microservice, as in production); closing the context stops both.
 */
export async function bootIdentity(): Promise<INestApplicationContext> {
  const billing = await startNatsService('billing-alerts', BillingAlertsModule, process.env.NATS_URL ?? 'nats://127.0.0.1:4222');
  const app = await NestFactory.createApplicationContext(IdentityModule, { logger: createLogger('identity-test') });
  const close = app.close.bind(app);
  app.close = async () => {
    await close();
    await billing.close();
  };
  return app;
}

export const service = <T>(app: INestApplicationContext, type: Type<T>): T => app.get(type);

export interface TestMain {
  caller: Caller;
  token: string;
}

/** A fresh main account opened the way operators open one. */
export async function openAccount(app: INestApplicationContext, overrides: Partial<AdminAccountCreateBody> = {}): Promise<TestMain> {
  const body = adminAccountCreateBody.parse({ name: 'Acme', email: `ops-${randomUUID()}@example.com`, data_region: 'us', ...overrides });
  const created = await app.get(AdminAccountsService).create(body);
  return { caller: { auth_id: created.auth_id, main_auth_id: created.auth_id, is_subaccount: false }, token: created.auth_token };
}

export async function openSubaccount(app: INestApplicationContext, main: TestMain, enabled = true): Promise<TestMain> {
  const created = await app.get(SubaccountsService).create({ caller: main.caller, body: { name: 'Team', enabled } });
  return { caller: { auth_id: created.auth_id, main_auth_id: main.caller.auth_id, is_subaccount: true }, token: created.auth_token };
}

/** Collects identity's credential notices as every gateway would receive them. */
export async function listenForNotices(natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222') {
  const nc: NatsConnection = await connectNats(natsUrl, 'identity-test-notices');
  const seen: string[] = [];
  nc.subscribe(natsSubject(IdentityNotices.credentialsChanged), {
    callback: (_err, msg) => {
      seen.push(msg.json<CredentialsChanged>().auth_id);
    },
  });
  await nc.flush();
  return {
    seen,
    async waitFor(authId: string, timeoutMs = 2000): Promise<void> {
      const until = Date.now() + timeoutMs;
      while (!seen.includes(authId)) {
        if (Date.now() > until) throw new Error(`no credential notice for ${authId}; saw ${seen.join(', ')}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () => nc.drain(),
  };
}
