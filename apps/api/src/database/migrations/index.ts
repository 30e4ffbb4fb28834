import { Initial1795627632143 } from './1795627632143-Initial.js';
import { ApplicationProgress1795627700000 } from './1795627700000-ApplicationProgress.js';
import { Auth1795628207741 } from './1795628207741-Auth.js';
import { Portal1795628912557 } from './1795628912557-Portal.js';
import { AnalyticsRollup1795629783823 } from './1795629783823-AnalyticsRollup.js';
import { ResearchKeys1795629833511 } from './1795629833511-ResearchKeys.js';
import { Imports1796413381570 } from './1796413381570-Imports.js';

/** Every migration, in order; listed explicitly so builds and tests need no file globbing. */
export const migrations = [
  Initial1795627632143,
  ApplicationProgress1795627700000,
  Auth1795628207741,
  Portal1795628912557,
  AnalyticsRollup1795629783823,
  ResearchKeys1795629833511,
  Imports1796413381570,
];
