import { Module } from '@nestjs/common';
import { databaseProviders } from '@signet/database';
import { HEALTH_CHECKS, healthController, type HealthCheck } from '@signet/health';
import { Keyring } from '@signet/secrets';
import { DataSource } from 'typeorm';
import { eventsRelayProvider } from '@signet/outbox';
import { AccountsRepository } from './accounts/accounts.repository.js';
import { AccountsRpcController } from './accounts/accounts.rpc-controller.js';
import { AccountsService } from './accounts/accounts.service.js';
import { BootstrapService } from './accounts/bootstrap.service.js';
import { AdminAccountsRepository } from './admin/admin-accounts.repository.js';
import { AdminAccountsRpcController } from './admin/admin-accounts.rpc-controller.js';
import { AdminAccountsService } from './admin/admin-accounts.service.js';
import { IDENTITY_CONFIG, type IdentityConfig, loadIdentityConfig } from './config/identity.config.js';
import { CredentialsRpcController } from './credentials/credentials.rpc-controller.js';
import { CredentialsService } from './credentials/credentials.service.js';
import { SigningTokensService } from './credentials/signing-tokens.service.js';
import { TokenRotationService } from './credentials/token-rotation.service.js';
import { TokensRepository } from './credentials/tokens.repository.js';
import { IDENTITY_SCHEMA, identityDatabase } from './database/data-source.js';
import { CredentialsNotifier } from './events/credentials-notifier.js';
import { IDENTITY_NATS, identityNatsProviders } from './events/identity-nats.js';
import { BalancesClient } from './billing/balances.client.js';
import { RpcClient } from '@signet/nats';
import type { NatsConnection } from '@nats-io/transport-node';
import { IpWhitelistRepository } from './ip-whitelist/ip-whitelist.repository.js';
import { IpWhitelistRpcController } from './ip-whitelist/ip-whitelist.rpc-controller.js';
import { IpWhitelistService } from './ip-whitelist/ip-whitelist.service.js';
import { SubaccountsRepository } from './subaccounts/subaccounts.repository.js';
import { SubaccountsRpcController } from './subaccounts/subaccounts.rpc-controller.js';
import { SubaccountsService } from './subaccounts/subaccounts.service.js';
import { consoleControllers, consoleProviders } from './console/console.providers.js';

@Module({
  controllers: [
    CredentialsRpcController,
    AccountsRpcController,
    SubaccountsRpcController,
    IpWhitelistRpcController,
    AdminAccountsRpcController,
    ...consoleControllers,
    healthController('identity'),
  ],
  providers: [
    { provide: IDENTITY_CONFIG, useFactory: loadIdentityConfig },
    { provide: Keyring, useFactory: (c: IdentityConfig) => new Keyring(c.SIGNET_SECRET_KEY), inject: [IDENTITY_CONFIG] },
    ...databaseProviders(identityDatabase),
    ...identityNatsProviders,
    {
      provide: RpcClient,
      useFactory: (nc: NatsConnection, c: IdentityConfig) => new RpcClient(nc, c.NATS_TIMEOUT_MS),
      inject: [IDENTITY_NATS, IDENTITY_CONFIG],
    },
    BalancesClient,
    { provide: HEALTH_CHECKS, useFactory: (ds: DataSource): HealthCheck[] => [{ name: 'postgres', check: () => ds.query('SELECT 1') }], inject: [DataSource] },
    AccountsRepository,
    AccountsService,
    TokensRepository,
    CredentialsService,
    SigningTokensService,
    TokenRotationService,
    SubaccountsRepository,
    SubaccountsService,
    IpWhitelistRepository,
    IpWhitelistService,
    AdminAccountsRepository,
    AdminAccountsService,
    eventsRelayProvider('identity', IDENTITY_SCHEMA, IDENTITY_CONFIG),
    CredentialsNotifier,
    BootstrapService,
    ...consoleProviders,
  ],
})
export class IdentityModule {}
