import { badInput } from '../graphql/errors.js';
import type { ResearchFilter } from './research.types.js';
import type { ResearchDimension, ResearchFilterValues } from './research-dimensions.js';

export const MAX_FILTER_VALUES = 30;

/** The GraphQL filter as text lists per dimension (deduplicated, sectors upper-cased). */
export function toFilterValues(filter: ResearchFilter | null | undefined): ResearchFilterValues {
  const out: ResearchFilterValues = {};
  if (!filter) return out;
  const put = (d: ResearchDimension, list: readonly unknown[] | null | undefined) => {
    if (!list || list.length === 0) return;
    out[d] = [...new Set(list.map((v) => String(v).trim()))];
  };
  put('PROGRAMME', filter.programmes);
  put('EDITION_YEAR', filter.editionYears);
  put('STAGE', filter.stages);
  put('CHANNEL', filter.channels);
  put('SIZE_CLASS', filter.sizeClasses);
  put(
    'SECTOR',
    filter.sectors?.map((s) => s.toUpperCase()),
  );
  put('PROVINCE', filter.provinces);
  put('REGISTRATION_TYPE', filter.registrationTypes);
  put('COMMITTEE', filter.committee);
  return out;
}

export function assertFilterSize(filter: ResearchFilterValues, field: string): void {
  for (const [d, list] of Object.entries(filter)) {
    if ((list?.length ?? 0) > MAX_FILTER_VALUES) {
      throw badInput(`At most ${MAX_FILTER_VALUES} values per filter list (${d})`, field);
    }
  }
}
