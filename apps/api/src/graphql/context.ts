import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Loaders } from './loaders.js';
import type { Viewer } from './policy.js';

export interface Context {
  requestId: string;
  logger: Logger;
  dataSource: DataSource;
  /**
   * For analytics reads: a streaming replica when DATABASE_REPLICA_URL is set, else the
   * primary. Portal reads use `dataSource` (read-your-own-writes).
   */
  readDataSource: DataSource;
  loaders: Loaders;
  /** Null when the request has no valid session. */
  viewer: Viewer | null;
  /** For the session cookie and rate-limit keys. */
  req: Request;
  res: Response;
}
