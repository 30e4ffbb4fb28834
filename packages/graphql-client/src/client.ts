import {
  ApolloClient,
  ApolloLink,
  CombinedGraphQLErrors,
  HttpLink,
  InMemoryCache,
} from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { relayStylePagination } from '@apollo/client/utilities';

export interface CreateApolloClientOptions {
  /** GraphQL endpoint; same origin by default, so the httpOnly session cookie goes along. */
  uri?: string;
  /**
   * 'same-origin' (default) sends the session cookie to the same origin only; use 'include'
   * when the API is on another origin that allows credentials.
   */
  credentials?: RequestCredentials;
  /** For tests and server-side use. */
  fetch?: typeof fetch;
  /**
   * Called when the API answers UNAUTHENTICATED to anything but a sign-in attempt: the
   * session expired or was revoked, and the shell should show the sign-in page again.
   */
  onUnauthenticated?: () => void;
}

/** Operations whose UNAUTHENTICATED answer means "wrong credentials", not "session gone". */
const CREDENTIAL_OPERATIONS = new Set(['SignIn', 'SignUp']);

/**
 * The cache of the front ends. Connections (applications, organisations, expenditures) are
 * paginated Relay-style: pages of one filter merge into one list, different filters are kept
 * apart. Objects with an `id` are normalised by it; programmes are also found by key.
 */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          applications: relayStylePagination(['filter']),
          organisations: relayStylePagination(['filter', 'kind', 'search']),
          expenditures: relayStylePagination(['filter', 'programmeKey', 'year']),
        },
      },
      // Stages, editions' labels and components have no id of their own: keep them inside
      // their parent object instead of merging across programmes.
      Stage: { keyFields: false },
      ProgrammeComponent: { keyFields: false },
      EligibilityRules: { keyFields: false },
    },
  });
}

/**
 * One Apollo Client for the shell; the shell passes it to every remote's mount function so
 * they share the cache and the session. The front end never sees a token: the API sets an
 * httpOnly cookie on sign-in, and requests carry it because of `credentials`.
 */
export function createApolloClient({
  uri = '/graphql',
  credentials = 'same-origin',
  fetch: customFetch,
  onUnauthenticated,
}: CreateApolloClientOptions = {}): ApolloClient {
  const http = new HttpLink({ uri, credentials, ...(customFetch ? { fetch: customFetch } : {}) });
  const sessionWatch = new ErrorLink(({ error, operation }) => {
    if (!onUnauthenticated || CREDENTIAL_OPERATIONS.has(operation.operationName ?? '')) return;
    if (
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
    ) {
      onUnauthenticated();
    }
  });
  return new ApolloClient({
    link: ApolloLink.from([sessionWatch, http]),
    cache: createCache(),
  });
}
