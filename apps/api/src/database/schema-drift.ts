import { createDataSource } from './data-source.js';
import { startEmbeddedDatabase } from './embedded.js';

export interface SchemaDrift {
  up: string[];
  down: string[];
}

/**
 * Migrates a database (DATABASE_URL, else a throwaway embedded one) and asks TypeORM what the
 * entities would still change. Empty means migrations and entities agree.
 */
export async function schemaDrift(databaseUrl = process.env.DATABASE_URL): Promise<SchemaDrift> {
  const embedded = databaseUrl ? null : await startEmbeddedDatabase();
  const ds = createDataSource({
    url: databaseUrl ?? embedded!.url,
    embedded: !!embedded,
    poolSize: 1,
  });
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    const sql = await ds.driver.createSchemaBuilder().log();
    return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query) };
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await embedded?.stop();
  }
}
