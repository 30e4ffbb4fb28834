import type { ApolloClient } from '@apollo/client';
import { type AppShell_ViewerFragment, ViewerDocument } from '@werkgezond/graphql-client';

/** After sign-in or sign-up: the mutation's answer is the new viewer, no extra round trip. */
export function rememberViewer(client: ApolloClient, viewer: AppShell_ViewerFragment): void {
  // The answer's objects carry __typename already (Apollo adds it to every selection).
  client.writeQuery({ query: ViewerDocument, data: { viewer } });
}

/**
 * After sign-out or an expired session: forget everything the previous user could read. A
 * full page load to the sign-in page also drops whatever the remotes kept in memory.
 */
export async function forgetSession(client: ApolloClient, signInPath: string): Promise<void> {
  await client.clearStore().catch(() => undefined);
  window.location.assign(signInPath);
}
