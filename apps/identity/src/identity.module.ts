import { Module } from '@nestjs/common';
import { databaseProviders } from '@signet/database';
import { HEALTH_CHECKS, healthController, type HealthCheck } from '@signet/health';
import { Keyring } from '@signet/secrets';
import { DataSource } from 'typeorm';
import { AccountsRepository } from './accounts/accounts.repository.js';
import { AccountsRpcController } from './accounts/accounts.rpc-controller.js';
import { AccountsService } from './accounts/accounts.service.js';
import { BootstrapService } from './accounts/bootstrap.service.js';
import { IDENTITY_CONFIG, type IdentityConfig, loadIdentityConfig } from './config/identity.config.js';
import { CredentialsRpcController } from './credentials/credentials.rpc-controller.js';
import { CredentialsService } from './credentials/credentials.service.js';
import { identityDatabase } from './database/data-source.js';

@Module({
  controllers: [CredentialsRpcController, AccountsRpcController, healthController('identity')],
  providers: [
    { provide: IDENTITY_CONFIG, useFactory: loadIdentityConfig },
    { provide: Keyring, useFactory: (c: IdentityConfig) => new Keyring(c.SIGNET_SECRET_KEY), inject: [IDENTITY_CONFIG] },
    ...databaseProviders(identityDatabase),
    { provide: HEALTH_CHECKS, useFactory: (ds: DataSource): HealthCheck[] => [{ name: 'postgres', check: () => ds.query('SELECT 1') }], inject: [DataSource] },
    AccountsRepository,
    AccountsService,
    CredentialsService,
    BootstrapService,
  ],
})
export class IdentityModule {}
