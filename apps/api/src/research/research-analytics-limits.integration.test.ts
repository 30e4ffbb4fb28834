/**
 * The analytics queries of the research endpoint: each one priced before it runs (aggregates by
 * their number of groups), month ends as the only dates, and the arguments that could open a
 * differencing route refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../test/harness.js';
import { createKey, research } from '../test/research-client.js';

let server: TestServer;
let key: string;
const counts: Record<string, number> = {};

beforeAll(async () => {
  server = await startTestServer();
  key = (await createKey(server, (await server.signIn(DEMO.admin)).cookie, 'Limits')).key;
  const res = await research<{ dimensions: { dimension: string; values: unknown[] }[] }>(
    server,
    '{ dimensions { dimension values { key } } }',
    { key },
  );
  for (const d of res.data!.dimensions) counts[d.dimension] = d.values.length;
});
afterAll(() => server.close());

async function dryRun(query: string) {
  const res = await research(server, query, { key, headers: { 'x-dry-run': '1' } });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  expect(res.data ?? null).toBeNull();
  return (res.extensions as { cost: { requested: number } }).cost.requested;
}

describe('cost of the analytics queries', () => {
  it('prices funnels by their groups, snapshots by groups × dates, cohorts by cohort', async () => {
    const C = '{ value }';
    expect(
      await dryRun(
        `{ funnel(input: { programmeKey: "gezondheidscoaches" }) { steps { count ${C} } } }`,
      ),
    ).toBe(2);
    expect(
      await dryRun(
        `{ funnel(input: { programmeKey: "gezondheidscoaches", breakdownBy: [SIZE_CLASS, PROVINCE] }) { groups { steps { count ${C} } } } }`,
      ),
    ).toBe(1 + counts.SIZE_CLASS! * counts.PROVINCE!);
    expect(
      await dryRun(
        `{ funnelSnapshots(input: { programmeKey: "gezondheidscoaches", breakdownBy: [SIZE_CLASS] }, at: ["2017-12-31", "2018-12-31", "2019-07-31"]) { snapshots { at } } }`,
      ),
    ).toBe(1 + counts.SIZE_CLASS! * 3);
    expect(
      await dryRun(
        `{ cohortComparison(input: { programmeKey: "gezondheidscoaches", cohorts: [{ label: "a" }, { label: "b" }, { label: "c" }] }) { baseline } }`,
      ),
    ).toBe(4);
    expect(
      await dryRun(
        `{ channelPerformance(input: { programmeKey: "gezondheidscoaches" }) { channels { key } } }`,
      ),
    ).toBe(1 + counts.CHANNEL!);
    expect(
      await dryRun('{ decisionLeadTime(programmeKey: "gezondheidscoaches") { withinDays } }'),
    ).toBe(14);
    expect(
      await dryRun(
        '{ dropOffReasons(programmeKey: "gezondheidscoaches", stage: "APPROVED") { stage } }',
      ),
    ).toBe(11);
    expect(await dryRun('{ budget(programmeKey: "gezondheidscoaches") { year } }')).toBe(21);
    expect(await dryRun('{ reAim(programmeKey: "gezondheidscoaches") { year } }')).toBe(15);
  });

  it('refuses a request over the per-request maximum before running it', async () => {
    const twelve = Array.from(
      { length: 12 },
      (_, i) =>
        `"2018-${String(i + 1).padStart(2, '0')}-${[31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][i]}"`,
    );
    const res = await research(
      server,
      `{ funnelSnapshots(input: { programmeKey: "gezondheidscoaches", breakdownBy: [SECTOR, PROVINCE] }, at: [${twelve.join(', ')}]) { snapshots { at } } }`,
      { key },
    );
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'COST' });
    expect(res.data ?? null).toBeNull();
  });
});

describe('dates and arguments', () => {
  it('takes month ends only, and says which one to use', async () => {
    const res = await research(
      server,
      '{ funnel(input: { programmeKey: "gezondheidscoaches", asOf: "2019-07-15" }) { asOf } }',
      { key },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.asOf',
    });
    expect(res.errors?.[0]?.message).toContain('2019-07-31');
    const snap = await research(
      server,
      '{ funnelSnapshots(input: { programmeKey: "gezondheidscoaches" }, at: ["2018-02-28", "2018-03-01"]) { snapshots { at } } }',
      { key },
    );
    expect(snap.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('shows, between two year ends, only what did not change since or until one of them', async () => {
    const res = await research<{
      funnel: {
        steps: { stage: string; count: { value: number | null; reason: string | null } }[];
      };
    }>(
      server,
      '{ funnel(input: { programmeKey: "gezondheidscoaches", asOf: "2018-06-30" }) { steps { stage count { value reason } } } }',
      { key },
    );
    expect(res.errors).toBeUndefined();
    const steps = Object.fromEntries(res.data!.funnel.steps.map((s) => [s.stage, s.count]));
    expect(steps.APPLIED).toEqual({ value: null, reason: 'DIFFERENCING' });
    expect(steps.COMPLETED).toEqual({ value: 0, reason: null }); // none until 2019
  });

  it('buckets lead times by fixed weeks only (no other bucket widths to difference)', async () => {
    for (const args of ['bucketDays: 5', 'withinDays: 10']) {
      const res = await research(
        server,
        `{ decisionLeadTime(programmeKey: "gezondheidscoaches", ${args}) { withinDays } }`,
        { key },
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('offers no service providers (organisations), names of campaigns or free text', async () => {
    const res = await research<{ __type: { enumValues: { name: string }[] } }>(
      server,
      '{ __type(name: "ResearchFunnelDimension") { enumValues { name } } }',
      { key },
    );
    expect(res.data!.__type.enumValues.map((v) => v.name)).not.toContain('SERVICE_PROVIDER');
    const channel = await research<{ __type: { fields: { name: string }[] } }>(
      server,
      '{ __type(name: "ResearchChannel") { fields { name } } }',
      { key },
    );
    expect(channel.data!.__type.fields.map((f) => f.name)).not.toContain('campaigns');
  });
});
