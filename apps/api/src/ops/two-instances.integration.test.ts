import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiProcess, startApiProcess } from '../test/api-process.js';
import { createProgramme } from '../test/backoffice-fixtures.js';
import { DEMO, startTestServer, type TestServer } from '../test/harness.js';
import { createKey, research } from '../test/research-client.js';

/**
 * Two API instances on one PostgreSQL: A in this process (createApp), B a separate
 * `node dist/main.js` process, so state kept in a module or in process memory cannot pass
 * from one to the other unnoticed. Nothing a request needs lives in one process, so a load
 * balancer may send each request to either.
 *
 * Skipped on the embedded database: it is one PGlite in the test process, which a second
 * process cannot share (README, "Scaling out"). CI runs it against PostgreSQL.
 */
const embedded = inject('embedded');
if (embedded) {
  console.warn(
    'two-instances.integration.test.ts skipped: needs DATABASE_URL (a PostgreSQL server a second process can reach)',
  );
}

const BUDGET = 5;
const SMALL =
  '{ aggregate(measures: [COMPANIES], dimensions: [PROGRAMME]) { total { companies { value } } } }';

describe.skipIf(embedded)('two API instances (two processes) on one database', () => {
  let a: TestServer;
  let b: ApiProcess;

  beforeAll(async () => {
    // A clears the rate-limit table (harness default); B keeps what it finds, as in production.
    a = await startTestServer({ research: { budgetPerHour: BUDGET } });
    b = await startApiProcess(inject('databaseUrl'), {
      RESEARCH_BUDGET_PER_HOUR: String(BUDGET),
    });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  async function signInCode(server: TestServer | ApiProcess, email: string, password: string) {
    const res = await server.gql<{ signIn: { email: string } }>(
      'mutation ($input: SignInInput!) { signIn(input: $input) { email } }',
      { input: { email, password } },
    );
    return res.errors?.[0]?.extensions?.code ?? 'OK';
  }

  it('runs B as its own process', () => {
    expect(b.pid).not.toBe(process.pid);
  });

  it('accepts on B a session opened on A', async () => {
    const { cookie } = await a.signIn(DEMO.analyst);
    const me = await b.gql<{ viewer: { email: string } | null }>(
      '{ viewer { email } }',
      {},
      { cookie },
    );
    expect(me.data?.viewer?.email).toBe(DEMO.analyst);
  });

  it('ends on B a session signed out on A, though B had it in its session cache', async () => {
    const { cookie } = await a.signIn(DEMO.analyst);
    const viewerOnB = async () =>
      (await b.gql<{ viewer: { email: string } | null }>('{ viewer { email } }', {}, { cookie }))
        .data?.viewer ?? null;
    expect(await viewerOnB()).not.toBeNull();
    expect(await viewerOnB()).not.toBeNull(); // from B's memory now
    expect((await a.gql('mutation { signOut }', {}, { cookie })).errors).toBeUndefined();
    // B learns it from PostgreSQL's notice (milliseconds); wait for it, up to 10 s.
    await expect.poll(viewerOnB, { timeout: 10_000, interval: 25 }).toBeNull();
  });

  it('throttles on B the 6th wrong password after 5 on A', async () => {
    const email = `two-instances-${crypto.randomUUID()}@example.test`;
    for (let i = 0; i < 5; i++)
      expect(await signInCode(a, email, `guess-${i}`)).toBe('UNAUTHENTICATED');
    expect(await signInCode(b, email, 'guess-5')).toBe('RATE_LIMITED');
    // And an account without failures is not affected on B.
    expect(await signInCode(b, `other-${email}`, 'guess-0')).toBe('UNAUTHENTICATED');
  });

  it('shares a research key’s hourly budget between the instances', async () => {
    const { cookie } = await a.signIn(DEMO.admin);
    const { key } = await createKey(a, cookie, `Two instances ${crypto.randomUUID()}`);
    const first = await research(a, SMALL, { key });
    expect(first.errors).toBeUndefined();
    const spent = (first.extensions!.cost as { requested: number }).requested;
    expect(spent).toBeGreaterThan(BUDGET / 2); // so a second request cannot fit
    const second = await research(b, SMALL, { key });
    expect(second.status).toBe(429);
    expect(second.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((second.extensions!.cost as { remaining: number }).remaining).toBe(BUDGET - spent);
  });

  it('shows on B at once a programme an admin created through A (research catalog)', async () => {
    const { cookie } = await a.signIn(DEMO.admin);
    const { key } = await createKey(a, cookie, `Catalog ${crypto.randomUUID()}`);
    const PROGRAMMES = '{ programmes { key } }';
    const keys = async () => {
      const res = await research<{ programmes: { key: string }[] }>(b, PROGRAMMES, { key });
      expect(res.errors).toBeUndefined();
      return res.data!.programmes.map((p) => p.key);
    };
    // B has answered from the catalog before the programme exists…
    const before = await keys();
    const programme = await createProgramme(a, cookie);
    expect(before).not.toContain(programme.key);
    // …and its next answer has it: no in-process copy waits for a refresh.
    expect(await keys()).toContain(programme.key);
  });
});
