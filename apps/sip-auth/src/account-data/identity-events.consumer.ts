import { Inject, Injectable } from '@nestjs/common';
import { AccountDataConsumer } from '@signet/account-data';
import { DataSource } from 'typeorm';
import { SIPAUTH_CONFIG, type SipAuthConfig } from '../config/sip-auth.config.js';
import { SIPAUTH_SCHEMA } from '../database/data-source.js';
import { AccountDataRepository } from './account-data.repository.js';

/** Deletes (or hands over) what sip-auth holds for accounts identity closed and subaccounts it deleted. */
@Injectable()
export class IdentityEventsConsumer extends AccountDataConsumer {
  constructor(@Inject(DataSource) ds: DataSource, store: AccountDataRepository, @Inject(SIPAUTH_CONFIG) config: SipAuthConfig) {
    super(ds, SIPAUTH_SCHEMA, store, config.NATS_URL, 'sip-auth');
  }
}
