import { Initial1795627632143 } from './1795627632143-Initial.js';
import { ApplicationProgress1795627700000 } from './1795627700000-ApplicationProgress.js';
import { Auth1795628207741 } from './1795628207741-Auth.js';
import { Portal1795628912557 } from './1795628912557-Portal.js';
import { AnalyticsRollup1795629783823 } from './1795629783823-AnalyticsRollup.js';
import { ResearchKeys1795629833511 } from './1795629833511-ResearchKeys.js';
import { RateLimits1796412380606 } from './1796412380606-RateLimits.js';
import { ResearchProtection1796412493335 } from './1796412493335-ResearchProtection.js';
import { HealthPolicyScan1796412567738 } from './1796412567738-HealthPolicyScan.js';
import { BackOffice1796412834289 } from './1796412834289-BackOffice.js';
import { MailFollowUp1796413041324 } from './1796413041324-MailFollowUp.js';
import { Imports1796413381570 } from './1796413381570-Imports.js';
import { SurveyVersions1796660336617 } from './1796660336617-SurveyVersions.js';
import { ReferralLinks1796660983060 } from './1796660983060-ReferralLinks.js';
import { ListIndexes1796700000000 } from './1796700000000-ListIndexes.js';
import { AuthChangeNotify1796800000000 } from './1796800000000-AuthChangeNotify.js';

/** Every migration, in order; listed explicitly so builds and tests need no file globbing. */
export const migrations = [
  Initial1795627632143,
  ApplicationProgress1795627700000,
  Auth1795628207741,
  Portal1795628912557,
  AnalyticsRollup1795629783823,
  ResearchKeys1795629833511,
  RateLimits1796412380606,
  ResearchProtection1796412493335,
  HealthPolicyScan1796412567738,
  BackOffice1796412834289,
  MailFollowUp1796413041324,
  Imports1796413381570,
  SurveyVersions1796660336617,
  ReferralLinks1796660983060,
  ListIndexes1796700000000,
  AuthChangeNotify1796800000000,
];
