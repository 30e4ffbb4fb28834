/**
 * GraphQL over HTTP conformance of both endpoints, with the audit suite of the `graphql-http`
 * package. Every MUST has to pass; the SHOULD and MAY results are printed and written to
 * docs/graphql-over-http-audit.md so changes show up in review.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type AuditResult, serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/harness.js';
import { DEMO_KEY } from '../test/research-client.js';

let server: TestServer;
const results: Record<string, AuditResult[]> = {};

beforeAll(async () => {
  server = await startTestServer({ freshDataset: true });
});
afterAll(async () => {
  await server.close();
  writeReport();
});

const ENDPOINTS = [
  { name: '/graphql', path: '/graphql', headers: {} as Record<string, string> },
  {
    name: '/research/graphql',
    path: '/research/graphql',
    headers: { authorization: `Bearer ${DEMO_KEY}` },
  },
];

async function run(path: string, extra: Record<string, string>): Promise<AuditResult[]> {
  const fetchFn = (input: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(extra)) headers.set(k, v);
    return fetch(input, { ...init, headers });
  };
  const audits = serverAudits({ url: `${server.url}${path}`, fetchFn });
  const out: AuditResult[] = [];
  for (const audit of audits) out.push(await audit.fn());
  return out;
}

const level = (r: AuditResult) => r.name.split(' ')[0] as 'MUST' | 'SHOULD' | 'MAY';

describe('GraphQL over HTTP server audit (graphql-http)', () => {
  for (const endpoint of ENDPOINTS) {
    it(`${endpoint.name}: every MUST passes`, async () => {
      const list = await run(endpoint.path, endpoint.headers);
      results[endpoint.name] = list;
      const failedMusts = list
        .filter((r) => level(r) === 'MUST' && r.status !== 'ok')
        .map((r) => `${r.id} ${r.name}: ${r.status === 'ok' ? '' : r.reason}`);
      expect(failedMusts).toEqual([]);
      const summary = (['MUST', 'SHOULD', 'MAY'] as const).map((l) => {
        const of = list.filter((r) => level(r) === l);
        return `${l} ${of.filter((r) => r.status === 'ok').length}/${of.length}`;
      });
      console.log(`${endpoint.name}: ${summary.join(', ')}`);
      for (const r of list.filter((x) => level(x) !== 'MUST' && x.status !== 'ok')) {
        console.log(`  ${r.status} ${r.id} ${r.name}${r.status === 'ok' ? '' : ` — ${r.reason}`}`);
      }
    });
  }
});

function writeReport() {
  if (Object.keys(results).length < ENDPOINTS.length) return;
  const lines = [
    '# GraphQL over HTTP audit',
    '',
    'Written by `apps/api/src/research/http-conformance.integration.test.ts`, which runs the',
    '`serverAudits` of the [graphql-http](https://github.com/graphql/graphql-http) package against',
    'both endpoints of a test server. Every MUST passes (the test fails otherwise); SHOULD and MAY',
    'results are listed for information.',
    '',
  ];
  for (const { name } of ENDPOINTS) {
    const list = results[name] ?? [];
    lines.push(`## \`${name}\``, '');
    for (const l of ['MUST', 'SHOULD', 'MAY'] as const) {
      const of = list.filter((r) => level(r) === l);
      lines.push(`- ${l}: ${of.filter((r) => r.status === 'ok').length} of ${of.length} pass`);
    }
    lines.push('', '| id | audit | result |', '|---|---|---|');
    for (const r of list) {
      const reason =
        r.status === 'ok'
          ? 'ok'
          : `${r.status}: ${r.reason.replace(/\|/g, '\\|').replace(/\s+/g, ' ')}`;
      lines.push(`| ${r.id} | ${r.name} | ${reason} |`);
    }
    lines.push('');
  }
  writeFileSync(
    resolve(import.meta.dirname, '../../../../docs/graphql-over-http-audit.md'),
    lines.join('\n'),
  );
}
