import type { GraphQLResponse, TestServer } from './harness.js';

export const DEMO_KEY = 'wg_demo_research_key';

export interface ResearchResponse<T> extends GraphQLResponse<T> {
  headers: Headers;
}

/** POSTs to /research/graphql with a Bearer key (null: no Authorization header). */
export async function research<T = Record<string, unknown>>(
  server: Pick<TestServer, 'url'>,
  query: string,
  options: {
    key?: string | null;
    variables?: Record<string, unknown>;
    headers?: Record<string, string>;
  } = {},
): Promise<ResearchResponse<T>> {
  const key = options.key === undefined ? DEMO_KEY : options.key;
  const res = await fetch(`${server.url}/research/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  return { status: res.status, headers: res.headers, ...((await res.json()) as object) };
}

/** Creates a fresh key through the admin mutation (its own budget), returning the secret. */
export async function createKey(server: TestServer, adminCookie: string, name: string) {
  const res = await server.gql<{ createResearchApiKey: { key: string; apiKey: { id: string } } }>(
    'mutation ($name: String!) { createResearchApiKey(input: { name: $name }) { key apiKey { id } } }',
    { name },
    { cookie: adminCookie },
  );
  if (!res.data) throw new Error(`key creation failed: ${JSON.stringify(res.errors)}`);
  return { key: res.data.createResearchApiKey.key, id: res.data.createResearchApiKey.apiKey.id };
}
