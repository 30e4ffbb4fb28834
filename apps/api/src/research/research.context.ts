import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { userError } from '../graphql/errors.js';
import type { DimensionCatalog } from './dimension-catalog.js';
import type { ResearchConfig } from './research.config.js';
import type { AuthenticatedKey } from './research-key.service.js';

export interface ResearchContext {
  requestId: string;
  logger: Logger;
  dataSource: DataSource;
  apiKey: AuthenticatedKey;
  config: ResearchConfig;
  catalog: DimensionCatalog;
  /** Epoch milliseconds after which resolvers give up (TIMEOUT). */
  deadline: number;
}

/**
 * Runs a resolver's work against the request's deadline: past it, the answer is a TIMEOUT
 * error and no data (a statement still running in the database finishes on its own).
 */
export async function withinDeadline<T>(ctx: ResearchContext, work: () => Promise<T>): Promise<T> {
  const left = ctx.deadline - Date.now();
  if (left <= 0) throw timeout(ctx);
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(timeout(ctx)), left);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const timeout = (ctx: ResearchContext) =>
  userError(
    'TIMEOUT',
    `The request took longer than ${ctx.config.timeoutMs} ms; ask for fewer groups or split it`,
    { http: { status: 503 } },
  );
