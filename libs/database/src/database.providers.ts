import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { initializeDataSource, type ServiceDatabaseOptions } from './data-source.js';

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}

/** The service's DataSource, connected at boot and closed at shutdown. */
export function databaseProviders(options: () => ServiceDatabaseOptions): Provider[] {
  return [{ provide: DataSource, useFactory: () => initializeDataSource(options()) }, DataSourceCloser];
}
