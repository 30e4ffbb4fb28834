import type { DataSource } from 'typeorm';
import { RollupService } from '../../modules/analytics/rollup.service.js';
import { loadDemoResearchKey } from '../../research/research-key.service.js';
import { loadDemoCalls } from './demo-calls.js';
import { loadDemoSurveys } from './demo-surveys.js';
import { loadDemoUsers } from './demo-users.js';
import { loadDataset } from './loader.js';

/**
 * The bundled dataset plus the demo accounts, this year's open calls, open survey and research API key: what the
 * embedded default and tests run on.
 */
export async function loadDemo(ds: DataSource): Promise<void> {
  await loadDataset(ds, { scale: 1 });
  await loadDemoUsers(ds);
  await loadDemoCalls(ds);
  await loadDemoSurveys(ds);
  await loadDemoResearchKey(ds);
  // Rebuild the funnel rollup from the data just loaded, so no earlier rollup outlives it.
  await new RollupService(ds).refresh({ wait: true });
}
