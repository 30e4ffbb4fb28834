import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { badInput } from '../graphql/errors.js';

export interface QueryLogEntry {
  keyId: string;
  requestId: string | null;
  operationName: string | null;
  rootFields: string[];
  query: string;
  variables: Record<string, unknown> | null;
  cost: number;
  dryRun: boolean;
  outcome: string;
  durationMs: number;
}

export interface QueryLogRow extends QueryLogEntry {
  id: string;
  keyPrefix: string;
  keyName: string;
  at: Date;
}

const listArgs = z.object({
  keyId: z.string().uuid('keyId must be a key id (a UUID)').nullable(),
  limit: z.number().int().min(1, 'limit must be 1 to 200').max(200, 'limit must be 1 to 200'),
  before: z.date().nullable(),
});

/** The persistent log of research requests: one row per request that presented a valid key. */
export class ResearchQueryLogService {
  constructor(private readonly ds: DataSource) {}

  async record(e: QueryLogEntry): Promise<void> {
    await this.ds.query(
      `INSERT INTO research_query_log
         (key_id, request_id, operation_name, root_fields, query, variables, cost, dry_run, outcome, duration_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        e.keyId,
        e.requestId,
        e.operationName,
        e.rootFields,
        e.query,
        e.variables === null ? null : JSON.stringify(e.variables),
        e.cost,
        e.dryRun,
        e.outcome,
        e.durationMs,
      ],
    );
  }

  /** Newest first; `before` pages back (entries strictly older than it). */
  async list(args: {
    keyId: string | null;
    limit: number;
    before: Date | null;
  }): Promise<QueryLogRow[]> {
    const parsed = listArgs.safeParse(args);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw badInput(issue?.message ?? 'Invalid arguments', String(issue?.path[0] ?? ''));
    }
    const { keyId, limit, before } = parsed.data;
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT l.id::text, l.key_id, k.prefix, k.name, l.at, l.request_id, l.operation_name,
              l.root_fields, l.query, l.variables, l.cost, l.dry_run, l.outcome, l.duration_ms
         FROM research_query_log l JOIN research_api_key k ON k.id = l.key_id
        WHERE ($1::uuid IS NULL OR l.key_id = $1) AND ($2::timestamptz IS NULL OR l.at < $2)
        ORDER BY l.at DESC, l.id DESC
        LIMIT $3`,
      [keyId, before, limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      keyId: String(r.key_id),
      keyPrefix: String(r.prefix),
      keyName: String(r.name),
      at: new Date(r.at as string),
      requestId: (r.request_id as string | null) ?? null,
      operationName: (r.operation_name as string | null) ?? null,
      rootFields: (r.root_fields as string[] | null) ?? [],
      query: String(r.query),
      variables: (r.variables as Record<string, unknown> | null) ?? null,
      cost: Number(r.cost),
      dryRun: Boolean(r.dry_run),
      outcome: String(r.outcome),
      durationMs: Number(r.duration_ms),
    }));
  }
}
