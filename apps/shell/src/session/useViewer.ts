import { useQuery } from '@apollo/client/react';
import { type AppShell_ViewerFragment, ViewerDocument } from '@werkgezond/graphql-client';

export interface ViewerState {
  viewer: AppShell_ViewerFragment | null;
  /** True until the first answer (or error) of the session check. */
  loading: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
}

/** The session: one `viewer` query when the shell starts, kept in the Apollo cache afterwards. */
export function useViewer(): ViewerState {
  const { data, loading, error, refetch } = useQuery(ViewerDocument, {
    fetchPolicy: 'cache-first',
  });
  return { viewer: data?.viewer ?? null, loading: loading && !data, error, refetch };
}
