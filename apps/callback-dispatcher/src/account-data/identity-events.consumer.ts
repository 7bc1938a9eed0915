import { Inject, Injectable } from '@nestjs/common';
import { AccountDataConsumer } from '@signet/account-data';
import { DataSource } from 'typeorm';
import { CallbacksRepository } from '../callbacks.repository.js';
import { CALLBACKS_CONFIG, type CallbacksConfig } from '../config/callbacks.config.js';
import { CALLBACKS_SCHEMA } from '../database/data-source.js';

/** Deletes (or hands over) the callbacks of accounts identity closed and subaccounts it deleted. */
@Injectable()
export class IdentityEventsConsumer extends AccountDataConsumer {
  constructor(@Inject(DataSource) ds: DataSource, store: CallbacksRepository, @Inject(CALLBACKS_CONFIG) config: CallbacksConfig) {
    super(ds, CALLBACKS_SCHEMA, store, config.NATS_URL, 'callback-dispatcher');
  }
}
