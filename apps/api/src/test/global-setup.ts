import 'reflect-metadata';
import type { TestProject } from 'vitest/node';
import { createDataSource } from '../database/data-source.js';
import { loadDemo } from '../database/dataset/demo.js';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../database/embedded.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    embedded: boolean;
  }
}

let embedded: EmbeddedDatabase | null = null;

/**
 * Tests run on a real PostgreSQL: DATABASE_URL when set (CI), else an in-memory embedded one.
 * The schema is migrated and the bundled dataset loaded once; tests that write create their
 * own organisations so the published figures stay intact.
 */
export async function setup(project: TestProject) {
  const external = process.env.DATABASE_URL;
  if (!external) embedded = await startEmbeddedDatabase();
  const url = external ?? embedded!.url;
  const ds = createDataSource({ url, embedded: !external, poolSize: 1 });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await loadDemo(ds);
  await ds.destroy();
  project.provide('databaseUrl', url);
  project.provide('embedded', !external);
}

export async function teardown() {
  await embedded?.stop();
}
