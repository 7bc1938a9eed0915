import { Module } from '@nestjs/common';
import { databaseProviders } from '@signet/database';
import { HEALTH_CHECKS, healthController, type HealthCheck } from '@signet/health';
import { DataSource } from 'typeorm';
import { AccountDataRepository } from './account-data/account-data.repository.js';
import { IdentityEventsConsumer } from './account-data/identity-events.consumer.js';
import { ApplicationsRepository } from './applications/applications.repository.js';
import { ApplicationsRpcController } from './applications/applications.rpc-controller.js';
import { ApplicationsService } from './applications/applications.service.js';
import { loadSipAuthConfig, SIPAUTH_CONFIG } from './config/sip-auth.config.js';
import { CredentialsRepository } from './credentials/credentials.repository.js';
import { CredentialsRpcController } from './credentials/credentials.rpc-controller.js';
import { CredentialsService } from './credentials/credentials.service.js';
import { sipAuthDatabase } from './database/data-source.js';
import { IpAclsRepository } from './ip-acls/ip-acls.repository.js';
import { IpAclsRpcController } from './ip-acls/ip-acls.rpc-controller.js';
import { IpAclsService } from './ip-acls/ip-acls.service.js';
import { ProxyRpcController } from './proxy/proxy.rpc-controller.js';
import { ProxyService } from './proxy/proxy.service.js';

@Module({
  controllers: [CredentialsRpcController, IpAclsRpcController, ApplicationsRpcController, ProxyRpcController, healthController('sip-auth')],
  providers: [
    { provide: SIPAUTH_CONFIG, useFactory: loadSipAuthConfig },
    ...databaseProviders(sipAuthDatabase),
    { provide: HEALTH_CHECKS, useFactory: (ds: DataSource): HealthCheck[] => [{ name: 'postgres', check: () => ds.query('SELECT 1') }], inject: [DataSource] },
    CredentialsRepository,
    CredentialsService,
    IpAclsRepository,
    IpAclsService,
    ApplicationsRepository,
    ApplicationsService,
    ProxyService,
    AccountDataRepository,
    IdentityEventsConsumer,
  ],
})
export class SipAuthModule {}
