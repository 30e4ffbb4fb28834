import 'reflect-metadata';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { entities } from './entities.js';
// timestamptz parsed by a fast path (a list page has hundreds per request).
import './pg-types.js';
import { migrations } from './migrations/index.js';

export interface DataSourceOptions {
  url: string;
  /** The embedded database gets a single pooled connection (see below). */
  embedded?: boolean;
  poolSize?: number;
  logger?: TypeOrmLogger;
}

const embeddedSources = new WeakSet<DataSource>();

/**
 * The embedded server is one PGlite session behind every socket connection: a named statement
 * outlives the pg client that prepared it, so a reconnecting client would prepare it twice.
 */
export const isEmbedded = (ds: DataSource): boolean => embeddedSources.has(ds);

export function createDataSource(options: DataSourceOptions): DataSource {
  const ds = new DataSource({
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
      // The embedded server interleaves the extended-protocol messages of concurrent
      // connections ("bind message supplies 3 parameters, but prepared statement requires 1"),
      // and PGlite runs one query at a time anyway: one connection per process is both safe and
      // no slower. Code inside a transaction must use only the transaction's manager.
      max: options.embedded ? 1 : (options.poolSize ?? 10),
      application_name: 'werkgezond-api',
    },
    ...(options.logger ? { logger: options.logger } : {}),
  });
  if (options.embedded) embeddedSources.add(ds);
  return ds;
}
