import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { schemaDrift } from '../database/schema-drift.js';

/**
 * Writes a migration with whatever the entities need beyond the migrated schema.
 * Usage (from apps/api, after a build): node dist/scripts/generate-migration.js <PascalCaseName>
 */
const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Usage: generate-migration <PascalCaseName>');
  process.exit(2);
}
const drift = await schemaDrift();
if (drift.up.length === 0) {
  console.log('No changes: the entities match the migrations.');
  process.exit(0);
}
const timestamp = Date.now();
const esc = (q: string) => q.replaceAll('\\', '\\\\').replaceAll('`', '\\`');
const lines = (queries: string[]) =>
  queries.map((q) => `    await queryRunner.query(\`${esc(q)}\`);`).join('\n');
const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(drift.up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines([...drift.down].reverse())}
  }
}
`;
const file = resolve(process.cwd(), `src/database/migrations/${timestamp}-${name}.ts`);
writeFileSync(file, body);
console.log(`Wrote ${file}; add it to src/database/migrations/index.ts`);
