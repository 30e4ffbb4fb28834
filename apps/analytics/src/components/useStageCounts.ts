import { useApolloClient } from '@apollo/client/react';
import { ApplicationCountDocument } from '@werkgezond/graphql-client';
import { useEffect, useState } from 'react';

export interface StageCountsState {
  /** Applications per current stage key, in the order of `stageKeys`; null until loaded. */
  counts: Map<string, number> | null;
  error: unknown;
}

/**
 * Applications of one programme per current stage, one `applications(filter: { programmeKey,
 * stages: [key] }) { totalCount }` each (answered from the Apollo cache after the first time).
 * Temporary: the analytics API's funnel query will give these in one request.
 */
export function useStageCounts(programmeKey: string, stageKeys: readonly string[]): StageCountsState {
  const client = useApolloClient();
  const [state, setState] = useState<StageCountsState>({ counts: null, error: null });
  const keyList = stageKeys.join(',');
  useEffect(() => {
    let cancelled = false;
    const keys = keyList ? keyList.split(',') : [];
    setState({ counts: null, error: null });
    Promise.all(
      keys.map((stage) =>
        client
          .query({ query: ApplicationCountDocument, variables: { filter: { programmeKey, stages: [stage] } } })
          .then(({ data }) => [stage, data?.applications.totalCount ?? 0] as const),
      ),
    ).then(
      (pairs) => {
        if (!cancelled) setState({ counts: new Map(pairs), error: null });
      },
      (error: unknown) => {
        if (!cancelled) setState({ counts: null, error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, programmeKey, keyList]);
  return state;
}
