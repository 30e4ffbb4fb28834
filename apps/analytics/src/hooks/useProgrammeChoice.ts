import { useQuery } from '@apollo/client/react';
import {
  AnalyticsProgrammesDocument,
  type ProgrammeOverview_ProgrammeFragment,
} from '@werkgezond/graphql-client';
import { useEffect } from 'react';
import type { SetSearchStateOptions } from '../url/useSearchState';

/**
 * The programmes (one cached query for every page) and the one the URL names. A URL without
 * a (known) programme is corrected to the first programme, replacing the history entry, so
 * the address always states which programme the page shows.
 */
export function useProgrammeChoice(
  programmeKey: string | null,
  setProgramme: (patch: { programme: string }, options?: SetSearchStateOptions) => void,
) {
  const { data, loading, error, refetch } = useQuery(AnalyticsProgrammesDocument);
  const programmes: readonly ProgrammeOverview_ProgrammeFragment[] = data?.programmes ?? [];
  const programme = programmes.find((p) => p.key === programmeKey) ?? null;
  const fallback = programmes[0]?.key;
  useEffect(() => {
    if (data && !programme && fallback) setProgramme({ programme: fallback }, { replace: true });
  }, [data, programme, fallback, setProgramme]);
  return { programmes, programme, loading, error, refetch: () => void refetch(), loaded: !!data };
}

/** The programme's funnel steps and exits, in order. */
export function stagesOf(programme: ProgrammeOverview_ProgrammeFragment | null) {
  const stages = programme?.stages ?? [];
  return {
    steps: stages.filter((s) => s.kind === 'STEP').sort((a, b) => a.position - b.position),
    exits: stages.filter((s) => s.kind === 'EXIT').sort((a, b) => a.position - b.position),
  };
}
