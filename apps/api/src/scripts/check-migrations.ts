import 'reflect-metadata';
import { schemaDrift } from '../database/schema-drift.js';

/** CI drift check: generating a migration from the entities must yield nothing. */
const drift = await schemaDrift();
if (drift.up.length) {
  console.error('The entities differ from the migrations. Generate a migration for:');
  for (const q of drift.up) console.error(`  ${q}`);
  process.exit(1);
}
console.log('Migrations match the entities.');
