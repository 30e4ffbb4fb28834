import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDataSource } from '../database/data-source.js';
import { startEmbeddedDatabase } from '../database/embedded.js';

/**
 * Writes a migration with whatever the entities need beyond the migrated schema.
 * Usage: node dist/scripts/generate-migration.js <Name>  (uses DATABASE_URL or a fresh embedded db)
 */
const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Usage: generate-migration <PascalCaseName>');
  process.exit(2);
}
const embedded = process.env.DATABASE_URL ? null : await startEmbeddedDatabase();
const ds = createDataSource({ url: process.env.DATABASE_URL ?? embedded!.url, embedded: !!embedded });
await ds.initialize();
await ds.runMigrations();
const sql = await ds.driver.createSchemaBuilder().log();
await ds.destroy();
await embedded?.stop();
if (sql.upQueries.length === 0) {
  console.log('No changes: the entities match the migrations.');
  process.exit(0);
}
const timestamp = Date.now();
const esc = (q: string) => q.replaceAll('\\', '\\\\').replaceAll('`', '\\`');
const up = sql.upQueries.map((q) => `    await queryRunner.query(\`${esc(q.query)}\`);`).join('\n');
const down = sql.downQueries
  .reverse()
  .map((q) => `    await queryRunner.query(\`${esc(q.query)}\`);`)
  .join('\n');
const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down}
  }
}
`;
const file = resolve(process.cwd(), `src/database/migrations/${timestamp}-${name}.ts`);
writeFileSync(file, body);
console.log(`Wrote ${file}; add it to src/database/migrations/index.ts`);
