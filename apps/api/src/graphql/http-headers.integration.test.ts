import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ as: DEMO.participant });
});
afterAll(() => server.close());

describe('/graphql answers', () => {
  it('are never cached (no-store, POST and GET, errors too) and carry a request id', async () => {
    const { cookie } = await server.signIn(DEMO.participant);
    const post = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    });
    expect(post.status).toBe(200);
    expect(post.headers.get('cache-control')).toBe('no-store');
    expect(post.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(post.headers.get('etag')).toBeNull();
    const get = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('{ viewer { id } }')}`,
      {
        headers: { cookie, 'apollo-require-preflight': 'true' },
      },
    );
    expect(get.status).toBe(200);
    expect(get.headers.get('cache-control')).toBe('no-store');
    const bad = await server.gql('{ nope }');
    expect(bad.status).toBe(400);
    const raw = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ nope }' }),
    });
    expect(raw.headers.get('cache-control')).toBe('no-store');
  });
});
