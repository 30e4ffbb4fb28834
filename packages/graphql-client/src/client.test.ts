import { describe, expect, it, vi } from 'vitest';
import { createApolloClient, createCache } from './client';
import { apiErrors, errorFieldName, firstApiError, isNetworkError } from './errors';
import { MyApplicationsDocument, SignInDocument, ViewerDocument } from './generated/graphql';

function jsonResponse(body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
}

describe('createApolloClient', () => {
  it('posts to /graphql with the session cookie policy and JSON (not a CSRF-simple request)', async () => {
    const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) =>
      jsonResponse({ data: { viewer: null } }),
    );
    const client = createApolloClient({ uri: 'http://localhost/graphql', fetch });
    const result = await client.query({ query: ViewerDocument });
    expect(result.data?.viewer).toBeNull();
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(String(url)).toBe('http://localhost/graphql');
    expect(init?.credentials).toBe('same-origin');
    expect(new Headers(init?.headers).get('content-type')).toMatch(/application\/json/);
  });

  it('reports an expired session but not a failed sign-in', async () => {
    const unauthenticated = {
      errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }],
    };
    const fetch = vi.fn(async () => jsonResponse(unauthenticated));
    const onUnauthenticated = vi.fn();
    const client = createApolloClient({
      uri: 'http://localhost/graphql',
      fetch,
      onUnauthenticated,
    });
    await expect(
      client.mutate({
        mutation: SignInDocument,
        variables: { input: { email: 'a@b.be', password: 'x' } },
      }),
    ).rejects.toThrow();
    expect(onUnauthenticated).not.toHaveBeenCalled();
    await expect(
      client.query({ query: MyApplicationsDocument, variables: { first: 5 } }),
    ).rejects.toThrow();
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });
});

describe('apiErrors', () => {
  it('reads code, field and retry time from extensions', async () => {
    const fetch = vi.fn(async () =>
      jsonResponse({
        errors: [
          {
            message: 'Too many attempts',
            extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 59.2 },
          },
          {
            message: 'Invalid KBO number',
            extensions: { code: 'BAD_USER_INPUT', field: 'input.kboNumber' },
          },
        ],
      }),
    );
    const client = createApolloClient({ uri: 'http://localhost/graphql', fetch });
    const error = await client
      .mutate({
        mutation: SignInDocument,
        variables: { input: { email: 'a@b.be', password: 'x' } },
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    const errors = apiErrors(error);
    expect(errors).toEqual([
      { code: 'RATE_LIMITED', message: 'Too many attempts', retryAfterSeconds: 60 },
      { code: 'BAD_USER_INPUT', message: 'Invalid KBO number', field: 'input.kboNumber' },
    ]);
    expect(firstApiError(error)?.code).toBe('RATE_LIMITED');
    expect(errorFieldName(errors[1] as (typeof errors)[number])).toBe('kboNumber');
    expect(isNetworkError(error)).toBe(false);
  });

  it('tells a network failure apart from an API error', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('fetch failed');
    });
    const client = createApolloClient({ uri: 'http://localhost/graphql', fetch });
    const error = await client.query({ query: ViewerDocument }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(apiErrors(error)).toEqual([]);
    expect(isNetworkError(error)).toBe(true);
  });
});

describe('cache', () => {
  it('merges pages of one filter into one connection and keeps filters apart', () => {
    const cache = createCache();
    const node = (id: string) => ({
      __typename: 'Application' as const,
      id,
      submittedAt: '2019-01-01T00:00:00.000Z',
      registrationType: 'INDIVIDUAL' as const,
      companyCount: 1,
      currentStage: {
        __typename: 'Stage' as const,
        key: 'APPLIED',
        label: 'Aangevraagd',
        kind: 'STEP' as const,
      },
      programme: {
        __typename: 'Programme' as const,
        id: 'p1',
        key: 'gezondheidscoaches',
        name: 'Gezondheidscoaches',
      },
      edition: { __typename: 'Edition' as const, id: 'e1', year: 2019 },
      organisation: { __typename: 'Organisation' as const, id: 'o1', name: 'Bakkerij De Zon' },
    });
    const page = (ids: string[], hasNextPage: boolean) => ({
      applications: {
        __typename: 'ApplicationConnection' as const,
        totalCount: 3,
        pageInfo: { __typename: 'PageInfo' as const, hasNextPage, endCursor: ids.at(-1) ?? null },
        edges: ids.map((id) => ({
          __typename: 'ApplicationEdge' as const,
          cursor: id,
          node: node(id),
        })),
      },
    });
    cache.writeQuery({
      query: MyApplicationsDocument,
      variables: { first: 2 },
      data: page(['a', 'b'], true),
    });
    cache.writeQuery({
      query: MyApplicationsDocument,
      variables: { first: 2, after: 'b' },
      data: page(['c'], false),
    });
    const merged = cache.readQuery({ query: MyApplicationsDocument, variables: { first: 2 } });
    expect(merged?.applications.edges.map((e) => e.node.id)).toEqual(['a', 'b', 'c']);
    expect(merged?.applications.totalCount).toBe(3);
    const other = cache.readQuery({
      query: MyApplicationsDocument,
      variables: { first: 2, filter: { programmeKey: 'nv-gezond' } },
    });
    expect(other).toBeNull();
  });
});
