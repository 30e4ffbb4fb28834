import 'reflect-metadata';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { EMBEDDED_MAX_CONNECTIONS } from './embedded.js';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';

export interface DataSourceOptions {
  url: string;
  /** The embedded database accepts a fixed number of connections; the pool must not exceed it. */
  embedded?: boolean;
  poolSize?: number;
  logger?: TypeOrmLogger;
}

export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    // The schema only ever changes through migrations.
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension needs installing.
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    extra: {
      max: options.poolSize ?? (options.embedded ? EMBEDDED_MAX_CONNECTIONS : 10),
      application_name: 'werkgezond-api',
    },
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
