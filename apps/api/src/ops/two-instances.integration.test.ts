import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../test/harness.js';
import { createKey, research } from '../test/research-client.js';

/**
 * Two API instances (two createApp, two pools) on one PostgreSQL: nothing a request needs
 * lives in one process, so a load balancer may send each request to either.
 */
let a: TestServer;
let b: TestServer;
const BUDGET = 5;
const SMALL =
  '{ aggregate(measures: [COMPANIES], dimensions: [PROGRAMME]) { total { companies { value } } } }';

beforeAll(async () => {
  a = await startTestServer({ research: { budgetPerHour: BUDGET } });
  b = await startTestServer({ research: { budgetPerHour: BUDGET }, keepRateLimits: true });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

async function signInCode(server: TestServer, email: string, password: string) {
  const res = await server.gql<{ signIn: { email: string } }>(
    'mutation ($input: SignInInput!) { signIn(input: $input) { email } }',
    { input: { email, password } },
  );
  return res.errors?.[0]?.extensions?.code ?? 'OK';
}

describe('two API instances on one database', () => {
  it('accepts on B a session opened on A', async () => {
    const { cookie } = await a.signIn(DEMO.analyst);
    const me = await b.gql<{ viewer: { email: string } | null }>(
      '{ viewer { email } }',
      {},
      { cookie },
    );
    expect(me.data?.viewer?.email).toBe(DEMO.analyst);
  });

  it('throttles on B the 6th wrong password after 5 on A', async () => {
    const email = `two-instances-${Date.now()}@example.test`;
    for (let i = 0; i < 5; i++)
      expect(await signInCode(a, email, `guess-${i}`)).toBe('UNAUTHENTICATED');
    expect(await signInCode(b, email, 'guess-5')).toBe('RATE_LIMITED');
    // And an account without failures is not affected on B.
    expect(await signInCode(b, `other-${email}`, 'guess-0')).toBe('UNAUTHENTICATED');
  });

  it('shares a research key’s hourly budget between the instances', async () => {
    const { cookie } = await a.signIn(DEMO.admin);
    const { key } = await createKey(a, cookie, `Two instances ${Date.now()}`);
    const first = await research(a, SMALL, { key });
    expect(first.errors).toBeUndefined();
    const spent = (first.extensions!.cost as { requested: number }).requested;
    expect(spent).toBeGreaterThan(BUDGET / 2); // so a second request cannot fit
    const second = await research(b, SMALL, { key });
    expect(second.status).toBe(429);
    expect(second.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((second.extensions!.cost as { remaining: number }).remaining).toBe(BUDGET - spent);
  });
});
