import { Inject, Injectable } from '@nestjs/common';
import { AccountDataConsumer } from '@signet/account-data';
import { DataSource } from 'typeorm';
import { VERIFY_CONFIG, type VerifyConfig } from '../config/verify.config.js';
import { VERIFY_SCHEMA } from '../database/data-source.js';
import { AccountDataRepository } from './account-data.repository.js';

/** Deletes (or hands over) what verify holds for accounts identity closed and subaccounts it deleted. */
@Injectable()
export class IdentityEventsConsumer extends AccountDataConsumer {
  constructor(@Inject(DataSource) ds: DataSource, store: AccountDataRepository, @Inject(VERIFY_CONFIG) config: VerifyConfig) {
    super(ds, VERIFY_SCHEMA, store, config.NATS_URL, 'verify');
  }
}
