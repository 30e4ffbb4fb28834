import type { ApolloClient } from '@apollo/client';
import { createApolloClient } from './client';

/** What a fake operation answers: data, GraphQL errors, or a thrown network failure. */
export type FakeAnswer =
  | { data: unknown }
  | { errors: { message: string; extensions?: Record<string, unknown> }[] }
  | { networkError: string };

export type FakeResolver = (variables: Record<string, unknown>) => FakeAnswer | Promise<FakeAnswer>;

export interface FakeApi {
  client: ApolloClient;
  /** Every request, in order: operation name and variables. */
  calls: { operationName: string; variables: Record<string, unknown> }[];
}

/**
 * For component tests: the real Apollo Client (cache, type policies, error handling) over a
 * fake `fetch` that answers by operation name, with a fixed answer or a function of the
 * variables. Unknown operations fail the test loudly.
 */
export function createFakeApi(
  resolvers: Record<string, FakeResolver | FakeAnswer>,
  options: { onUnauthenticated?: () => void } = {},
): FakeApi {
  const calls: FakeApi['calls'] = [];
  const fakeFetch = async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init?.body ?? '{}')) as {
      operationName?: string;
      variables?: Record<string, unknown>;
    };
    const operationName = body.operationName ?? '';
    const variables = body.variables ?? {};
    calls.push({ operationName, variables });
    const resolver = resolvers[operationName];
    if (!resolver) throw new Error(`createFakeApi: no answer for operation ${operationName}`);
    const answer = typeof resolver === 'function' ? await resolver(variables) : resolver;
    if ('networkError' in answer) throw new TypeError(`fetch failed: ${answer.networkError}`);
    return new Response(JSON.stringify(answer), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  const client = createApolloClient({
    uri: 'http://localhost/graphql',
    fetch: fakeFetch as typeof fetch,
    ...(options.onUnauthenticated ? { onUnauthenticated: options.onUnauthenticated } : {}),
  });
  return { client, calls };
}
