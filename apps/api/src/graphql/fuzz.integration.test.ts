import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../database/dataset/demo.js';
import { getResearchSchema } from '../research/research.schema.js';
import { type FuzzRequest, makeCase } from '../test/fuzz/cases.js';
import { judge, type Outcome } from '../test/fuzz/judge.js';
import { Random } from '../test/fuzz/random.js';
import type { Pools } from '../test/fuzz/values.js';
import { DEMO, startTestServer, type TestServer } from '../test/harness.js';
import { freshKbo } from '../test/kbo.js';
import { DEMO_KEY } from '../test/research-client.js';

/**
 * Seeded, bounded fuzzing of both GraphQL endpoints as every role. Replay a failure with
 * FUZZ_SEED=<seed> (and FUZZ_CASE=<index> for one case); FUZZ_CASES sets the number of cases
 * (default 2,000); FUZZ_PROFILE=1 lists the slowest.
 * Writes are allowed (mutations run with fuzzed payloads, mostly refused), so the bundled
 * dataset is reloaded afterwards and later files see it as the global setup left it.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 17);
/**
 * The only parts of a run not derived from the seed: a run-unique suffix, so the fuzz company's
 * e-mail address is new on a database that kept an earlier run's, and its KBO number (drawn and
 * checked against the database).
 * It is never an input of the case generator (the cases of a seed are the same in every run);
 * it is printed with failures, and FUZZ_RUN=<suffix> replays with the same sign-up values.
 * (Database ids in the payloads of the own company's cases still differ between databases.)
 */
const RUN = process.env.FUZZ_RUN ?? Date.now().toString(36);
// 2,000 cases on the embedded database (PGlite, one connection, in this process) too: the file
// took 47 s (43 s of cases) on a 2-core machine under a load average of 8, well under two minutes.
const CASES = Number(process.env.FUZZ_CASES ?? 2000);
const ONLY = process.env.FUZZ_CASE === undefined ? null : Number(process.env.FUZZ_CASE);
const CONCURRENCY = 4;

let server: TestServer;
const mainSchema = buildSchema(
  readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'),
);
let researchSchema: GraphQLSchema;

interface Persona {
  name: string;
  endpoint: '/graphql' | '/research/graphql';
  headers: Record<string, string>;
  pools: Pools;
}
const personas: Persona[] = [];

beforeAll(async () => {
  // No background rollup rebuild may outlive this file or race the reload in afterAll.
  process.env.ANALYTICS_ROLLUP = 'off';
  server = await startTestServer({ research: { budgetPerHour: 10_000_000, timeoutMs: 120_000 } });
  researchSchema = await getResearchSchema();
  const none: Pools = { ids: [] };
  personas.push({ name: 'anonymous', endpoint: '/graphql', headers: {}, pools: none });
  for (const [name, email] of Object.entries(DEMO)) {
    const { cookie } = await server.signIn(email);
    personas.push({ name, endpoint: '/graphql', headers: { cookie }, pools: none });
  }
  // A company of its own: its writes (applications, profile, surveys) touch no bundled data.
  const email = `fuzz-${SEED}-${RUN}@example.be`;
  const signUp = await server.gql<{ signUp: { organisation: { id: string } } }>(
    'mutation ($input: SignUpInput!) { signUp(input: $input) { organisation { id } } }',
    {
      input: {
        email,
        password: 'een-lang-wachtwoord',
        displayName: 'Fuzz Tester',
        // Drawn and checked against the database: a derived number could be taken already.
        kboNumber: await freshKbo(server.dataSource),
        organisationName: 'Fuzz BV',
        employeeCount: 12,
        hasPreventionCommittee: false,
      },
    },
  );
  if (!signUp.data) throw new Error(`fuzz sign-up failed: ${JSON.stringify(signUp.errors)}`);
  const own = await server.signIn(email, 'een-lang-wachtwoord');
  const organisationId = signUp.data.signUp.organisation.id;
  const draft = await server.gql<{ saveApplicationDraft: { id: string } }>(
    'mutation ($input: ApplicationDraftInput!) { saveApplicationDraft(input: $input) { id } }',
    { input: { programmeKey: 'nv-gezond', organisationId, registrationType: 'INDIVIDUAL' } },
    { cookie: own.cookie },
  );
  if (!draft.data) throw new Error(`fuzz draft failed: ${JSON.stringify(draft.errors)}`);
  const applicationId = draft.data.saveApplicationDraft.id;
  personas.push({
    name: 'own-company',
    endpoint: '/graphql',
    headers: { cookie: own.cookie },
    pools: {
      ids: [organisationId, applicationId],
      uploadPath: `/api/applications/${applicationId}/attachments`,
    },
  });
  personas.push(
    {
      name: 'research',
      endpoint: '/research/graphql',
      headers: { authorization: `Bearer ${DEMO_KEY}` },
      pools: none,
    },
    { name: 'research-no-key', endpoint: '/research/graphql', headers: {}, pools: none },
    {
      name: 'research-bad-key',
      endpoint: '/research/graphql',
      headers: { authorization: `Bearer wg_${'0'.repeat(40)}` },
      pools: none,
    },
  );
});

afterAll(async () => {
  if (!server) return;
  await loadDemo(server.dataSource);
  await server.close();
  delete process.env.ANALYTICS_ROLLUP;
});

async function send(persona: Persona, request: FuzzRequest): Promise<Outcome> {
  const headers: Record<string, string> = { ...persona.headers, ...request.headers };
  // Signing out would end the persona's session for every later case: send it without one.
  if (request.body?.includes('signOut')) delete headers.cookie;
  if (request.method === 'POST')
    headers['content-type'] = request.contentType ?? 'application/json';
  else headers.accept = 'application/json';
  const path = request.path ?? persona.endpoint;
  const url = `${server.url}${path}${request.search ? `?${request.search}` : ''}`;
  const res = await fetch(url, {
    method: request.method,
    headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
  });
  return { status: res.status, text: await res.text() };
}

interface Failure {
  index: number;
  persona: string;
  request: FuzzRequest;
  problem: string;
  status: number;
  answer: string;
}

const cut = (s: string, n = 1500) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

function caseFor(index: number) {
  const rnd = Random.forCase(SEED, index);
  const persona = rnd.pick(personas);
  const schema = persona.endpoint === '/graphql' ? mainSchema : researchSchema;
  return { persona, request: makeCase(schema, rnd, persona.pools) };
}

describe(`fuzz both GraphQL endpoints (seed ${SEED}, ${CASES} cases)`, () => {
  it('answers every mutated request without a 5xx, an internal error or leaked internals', async () => {
    const indexes = ONLY === null ? Array.from({ length: CASES }, (_, i) => i) : [ONLY];
    const failures: Failure[] = [];
    const timings: [number, number, string, string][] = [];
    const kinds = new Map<string, number>();
    let next = 0;
    const worker = async () => {
      while (next < indexes.length) {
        const index = indexes[next++]!;
        const { persona, request } = caseFor(index);
        const kind = request.kind.split(':')[0]!;
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        const t0 = Date.now();
        const outcome = await send(persona, request);
        timings.push([
          Date.now() - t0,
          index,
          request.kind,
          (request.body ?? request.search ?? '').slice(0, 200),
        ]);
        const problem = judge(outcome);
        if (problem) {
          failures.push({
            index,
            persona: persona.name,
            request: { ...request, ...(request.body ? { body: cut(request.body) } : {}) },
            problem,
            status: outcome.status,
            answer: cut(outcome.text),
          });
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    if (process.env.FUZZ_PROFILE) console.log(timings.sort((a, b) => b[0] - a[0]).slice(0, 25));

    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'up' });
    if (failures.length) {
      const shown = failures
        .sort((a, b) => a.index - b.index)
        .slice(0, 10)
        .map((f) => JSON.stringify(f, null, 2))
        .join('\n');
      console.error(
        `fuzz: ${failures.length} of ${indexes.length} cases failed (seed ${SEED}, run ${RUN}). Replay one with\n` +
          `  FUZZ_SEED=${SEED} FUZZ_RUN=${RUN} FUZZ_CASE=<index> npx vitest run src/graphql/fuzz.integration.test.ts\n${shown}`,
      );
    }
    expect(
      failures.map((f) => `#${f.index} ${f.persona} ${f.request.kind}: ${f.problem}`),
      `seed ${SEED}`,
    ).toEqual([]);
    // The generator reaches every kind of case (a guard against a generator that silently shrinks).
    if (ONLY === null) {
      expect([...kinds.keys()].sort()).toEqual([
        'damaged-document',
        'generated',
        'mutated-variables',
        'protocol',
        'special-document',
        'upload',
      ]);
    }
  }, 170_000);
});
