/**
 * The embedded default under concurrency: a running Werkgezond (`npm start`, PGlite with one
 * connection) asked for the portal list and the funnel by 1, 8 and 32 concurrent clients, and a
 * signed-in interactive request timed while 32 clients keep the funnel busy.
 *
 *   pnpm --filter @werkgezond/bench bench:embedded http://localhost:4000 [--duration 10]
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { duration: { type: 'string', default: '10' } },
});
const base = (positionals[0] ?? 'http://localhost:4000').replace(/\/$/, '');
const endpoint = `${base}/graphql`;
const DURATION = Number(args.duration);
const PASSWORD = 'werkgezond-demo';

const PORTAL_LIST = `{ applications(first: 20) { totalCount edges { node {
  id organisation { name } programme { key } currentStage { key label } } } } }`;
const FUNNEL = `{ funnel(input: { programmeKey: "gezondheidscoaches", breakdownBy: [CHANNEL] }) {
  computedFrom steps { stage count } groups { key { key } steps { stage count } } } }`;
const VIEWER = '{ viewer { id } }';

async function signIn(email: string): Promise<string> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($input: SignInInput!) { signIn(input: $input) { id } }',
      variables: { input: { email, password: PASSWORD } },
    }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`sign-in as ${email} failed: ${await res.text()}`);
  return cookie;
}

function cannon(query: string, cookie: string, connections: number, duration = DURATION) {
  return autocannon({
    url: endpoint,
    method: 'POST',
    connections,
    duration,
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query }),
  });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
};

async function main() {
  const participant = await signIn('deelnemer@demo.werkgezond.be');
  const analyst = await signIn('analist@demo.werkgezond.be');
  console.log(`Embedded database at ${base}, ${DURATION} s per run`);
  console.log('| query | clients | req/s | p50 (ms) | p99 (ms) | errors / non-2xx |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [name, query, cookie] of [
    ['portal list (participant)', PORTAL_LIST, participant],
    ['funnel, CHANNEL (analyst)', FUNNEL, analyst],
  ] as const) {
    await cannon(query, cookie, 1, 2); // warm-up
    for (const clients of [1, 8, 32]) {
      const r = await cannon(query, cookie, clients);
      console.log(
        `| ${name} | ${clients} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${r.errors + r.timeouts} / ${r.non2xx} |`,
      );
    }
  }

  // An interactive request, one at a time, while 32 clients keep the funnel busy.
  const load = cannon(FUNNEL, analyst, 32);
  await new Promise((r) => setTimeout(r, 1000));
  const times: number[] = [];
  let failed = 0;
  const until = Date.now() + (DURATION - 2) * 1000;
  while (Date.now() < until) {
    const t0 = performance.now();
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: participant },
      body: JSON.stringify({ query: VIEWER }),
    });
    const body = (await res.json()) as { errors?: unknown };
    if (!res.ok || body.errors) failed++;
    times.push(performance.now() - t0);
  }
  await load;
  console.log(
    `\n{ viewer { id } } while 32 clients ask for the funnel: ${times.length} requests, p50 ${pct(times, 0.5).toFixed(1)} ms, p99 ${pct(times, 0.99).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms, ${failed} failed`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
