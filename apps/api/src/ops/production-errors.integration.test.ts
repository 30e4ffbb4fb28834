import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDevelopment, loadConfig } from '../config.js';
import { startTestServer, type TestServer } from '../test/harness.js';
import { research } from '../test/research-client.js';

/**
 * `npm start` runs main.js with no NODE_ENV: that must be production, where no GraphQL error
 * carries a stack trace (server paths) on either endpoint. NODE_ENV=development keeps them.
 */
let production: TestServer;
let development: TestServer;

beforeAll(async () => {
  production = await startTestServer({ development: isDevelopment(loadConfig({})) });
  development = await startTestServer({
    development: isDevelopment(loadConfig({ NODE_ENV: 'development' })),
    keepRateLimits: true,
  });
});
afterAll(async () => {
  await production?.close();
  await development?.close();
});

/** An unknown field (validation), an unknown programme (NOT_FOUND), a missing key (401). */
async function errorsOf(server: TestServer) {
  return [
    await server.gql('{ noSuchField }'),
    await server.gql('{ programme(key: "no-such-programme") { key } }'),
    await research(server, '{ noSuchField }'),
    await research(server, '{ __typename }', { key: null }),
  ];
}

describe('production by default', () => {
  it('reads an unset NODE_ENV as production', () => {
    expect(loadConfig({}).NODE_ENV).toBe('production');
    expect(isDevelopment(loadConfig({}))).toBe(false);
    expect(isDevelopment(loadConfig({ NODE_ENV: 'development' }))).toBe(true);
  });

  it('answers errors on /graphql and /research/graphql without stack traces', async () => {
    const answers = await errorsOf(production);
    const codes = answers.map((a) => a.errors?.[0]?.extensions?.code);
    expect(codes).toEqual([
      'GRAPHQL_VALIDATION_FAILED',
      'NOT_FOUND',
      'GRAPHQL_VALIDATION_FAILED',
      'UNAUTHENTICATED',
    ]);
    for (const answer of answers) {
      const text = JSON.stringify(answer);
      expect(text).not.toContain('stacktrace');
      expect(text).not.toMatch(/\.(js|ts):\d+/);
    }
  });

  it('keeps stack traces for developers', async () => {
    const answers = await errorsOf(development);
    expect(
      answers.slice(0, 3).every((a) => Array.isArray(a.errors?.[0]?.extensions?.stacktrace)),
    ).toBe(true);
  });

  it('keeps research introspection on in production', async () => {
    const res = await research<{ __schema: { queryType: { name: string } } }>(
      production,
      '{ __schema { queryType { name } } }',
    );
    expect(res.data?.__schema.queryType.name).toBe('Query');
  });
});
