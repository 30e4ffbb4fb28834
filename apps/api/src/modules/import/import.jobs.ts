/**
 * Dry runs and confirmations of imports run as jobs: a 100,000-row file takes longer than a
 * request should, any instance may run it, and the page follows its progress by polling.
 */
import { defineJob } from '../../jobs/job-queue.js';
import type { ImportMode } from './import.pipeline.js';
import { markFailed, runImport } from './import.runner.js';

const RETRY_LIMIT = 2;

export const IMPORT_JOB = 'import.run';

export interface ImportJobData {
  importId: string;
  mode: ImportMode;
  /** Programmes the requesting manager may import into; null for admins (all). */
  programmeIds: string[] | null;
}

defineJob<ImportJobData>(IMPORT_JOB, {
  // A retry starts the file over; rows written by the failed attempt are then "unchanged".
  retryLimit: RETRY_LIMIT,
  retryDelaySeconds: 5,
  async handler(data, { ds, logger, retryCount }) {
    try {
      await runImport(ds, data.importId, data.mode, data.programmeIds);
    } catch (error) {
      if (retryCount >= RETRY_LIMIT) {
        await markFailed(ds, data.importId, 'The import stopped on an internal error; try again');
      }
      throw error;
    }
    logger.info({ importId: data.importId, mode: data.mode }, 'import job finished');
  },
});
