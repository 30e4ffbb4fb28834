import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../test/harness.js';
import { research } from '../test/research-client.js';

/** Regression tests for what the fuzz suite (fuzz.integration.test.ts) found. */
let server: TestServer;
let admin: string;
const NOBODY = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  server = await startTestServer();
  admin = (await server.signIn(DEMO.admin)).cookie;
});
afterAll(() => server.close());

describe('fuzz findings', () => {
  it('an admin applying for an organisation that does not exist gets NOT_FOUND, not an internal error', async () => {
    for (const mutation of ['applyToProgramme', 'saveApplicationDraft']) {
      const res = await server.gql(
        `mutation { ${mutation}(input: { programmeKey: "nv-gezond", organisationId: "${NOBODY}",
          registrationType: INDIVIDUAL }) { id } }`,
        {},
        { cookie: admin },
      );
      expect(res.errors?.[0]?.extensions?.code, mutation).toBe('NOT_FOUND');
    }
  });

  it('a subscription, or a mutation on the research schema, is refused at validation', async () => {
    const sub = await server.gql('subscription { __typename }');
    expect(sub.status).toBe(400);
    expect(sub.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const query of ['subscription { __typename }', 'mutation { __typename }']) {
      const res = await research(server, query);
      expect(res.status, query).toBe(400);
      expect(res.errors?.[0]?.extensions?.code, query).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('a persisted query whose hash does not match its text is BAD_REQUEST', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ programmes { key } }',
        extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } },
      }),
    });
    expect(res.status).toBe(400);
    expect(
      ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions
        .code,
    ).toBe('BAD_REQUEST');
  });

  it('malformed JSON on /graphql is a JSON BAD_REQUEST without a stack trace', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ __typename }", }',
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      errors: [
        { message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } },
      ],
    });
  });
});
