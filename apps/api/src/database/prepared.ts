import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { isEmbedded } from './data-source.js';

/**
 * A named (prepared) statement sent straight to the data source's pg pool: PostgreSQL parses and
 * plans it once per pooled connection instead of on every call, and TypeORM's query runner is
 * skipped. For hot, fixed statements outside transactions only (it takes a pooled connection of
 * its own, so inside a transaction on the one-connection embedded database it would wait forever).
 * Not on the embedded database, whose one session outlives its clients (see isEmbedded).
 */
export async function preparedQuery<R>(
  ds: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<R[]> {
  const pool = (ds.driver as unknown as { master?: Pool }).master;
  if (!pool || isEmbedded(ds)) return ds.query(text, values);
  const result = await pool.query({ name, text, values });
  return result.rows as R[];
}

/** A prepared statement's name for a text: the same text, the same name (per prefix). */
export const statementName = (prefix: string, text: string) =>
  `${prefix}_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
