import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPublishedFigures } from '../../database/dataset/published-figures.js';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ as: DEMO.analyst });
});
afterAll(() => server.close());

type Gql = TestServer['gql'];
const ask = async <T>(gql: Gql, query: string, variables: Record<string, unknown>): Promise<T> => {
  const res = await gql<T>(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
};

interface Counts {
  steps: { stage: string; count: number }[];
  exits: { stage: string; count: number }[];
}
const FUNNEL = `query ($input: FunnelInput!) { funnel(input: $input) { steps { stage count } exits { stage count } } }`;
const SNAPSHOT = `query ($at: Date!) { funnelSnapshots(input: { programmeKey: "gezondheidscoaches" }, at: [$at]) {
  snapshots { steps { stage count } exits { stage count } } } }`;
const BUDGET = `query ($key: String!, $year: Int) { budget(programmeKey: $key, year: $year) { allocatedCents spentCents } }`;
const count = (c: Counts, stage: string) =>
  [...c.steps, ...c.exits].find((s) => s.stage === stage)?.count;

/** How each exact figure is computed through the API: one GraphQL query per figure. */
const COMPUTE: Record<string, (gql: Gql) => Promise<unknown>> = {};
for (const year of [2012, 2013, 2014, 2015]) {
  const funnel = (unit: string) => async (gql: Gql) =>
    (
      await ask<{ funnel: Counts }>(gql, FUNNEL, {
        input: { programmeKey: 'nv-gezond', years: [year], unit },
      })
    ).funnel;
  COMPUTE[`award-${year}-registrations`] = async (gql) =>
    count(await funnel('APPLICATIONS')(gql), 'REGISTERED');
  COMPUTE[`award-${year}-dossiers`] = async (gql) =>
    count(await funnel('APPLICATIONS')(gql), 'PARTICIPATED');
  COMPUTE[`award-${year}-companies`] = async (gql) =>
    count(await funnel('COMPANIES')(gql), 'PARTICIPATED');
  COMPUTE[`award-${year}-budget`] = async (gql) =>
    (await ask<{ budget: { allocatedCents: number } }>(gql, BUDGET, { key: 'nv-gezond', year }))
      .budget.allocatedCents / 100;
}
const THROUGH: Record<string, string> = {
  '2017': '2017-12-31',
  '2018': '2018-12-31',
  '2019': '2019-07-31',
};
const STAGE: Record<string, string> = {
  applications: 'APPLIED',
  approved: 'APPROVED',
  rejected: 'REJECTED',
  started: 'STARTED',
  completed: 'COMPLETED',
};
for (const [year, at] of Object.entries(THROUGH)) {
  for (const [metric, stage] of Object.entries(STAGE)) {
    COMPUTE[`coaches-${year}-${metric}`] = async (gql) =>
      count(
        (await ask<{ funnelSnapshots: { snapshots: Counts[] } }>(gql, SNAPSHOT, { at }))
          .funnelSnapshots.snapshots[0]!,
        stage,
      );
  }
}
COMPUTE['award-2015-ceremony'] = async (gql) => {
  const d = await ask<{ programme: { editions: { year: number; closesOn: string | null }[] } }>(
    gql,
    '{ programme(key: "nv-gezond") { editions { year closesOn } } }',
    {},
  );
  return d.programme.editions.find((e) => e.year === 2015)?.closesOn;
};
COMPUTE['coaches-budget-allocated'] = async (gql) =>
  (await ask<{ budget: { allocatedCents: number } }>(gql, BUDGET, { key: 'gezondheidscoaches' }))
    .budget.allocatedCents / 100;
COMPUTE['coaches-budget-used'] = async (gql) =>
  (await ask<{ budget: { spentCents: number } }>(gql, BUDGET, { key: 'gezondheidscoaches' })).budget
    .spentCents / 100;
COMPUTE['coaches-count'] = async (gql) =>
  (
    await ask<{ reAim: { coachingCapacity: { coaches: number } } }>(
      gql,
      '{ reAim(programmeKey: "gezondheidscoaches") { coachingCapacity { coaches } } }',
      {},
    )
  ).reAim.coachingCapacity.coaches;
COMPUTE['coaches-decision-lead-time'] = async (gql) => {
  const t = await ask<{ decisionLeadTime: { shareWithin: { value: number } } }>(
    gql,
    '{ decisionLeadTime(programmeKey: "gezondheidscoaches", asOf: "2019-07-31", withinDays: 14) { shareWithin { value } } }',
    {},
  );
  // "Most applications were assessed within 2 weeks": more than half within 14 days.
  return t.decisionLeadTime.shareWithin.value > 0.5 ? 14 : null;
};
const CHANNELS = `{ channelPerformance(input: { programmeKey: "gezondheidscoaches", asOf: "2019-07-31" }) {
  channels { key name applications share { value } campaignYears } } }`;
interface ChannelRows {
  channelPerformance: {
    channels: {
      key: string;
      name: string;
      applications: number;
      share: { value: number };
      campaignYears: number[];
    }[];
  };
}
COMPUTE['coaches-top-channel'] = async (gql) =>
  (await ask<ChannelRows>(gql, CHANNELS, {})).channelPerformance.channels[0]!.key === 'prebes'
    ? 'Prebes (member mailing)'
    : null;
COMPUTE['coaches-2018-campaign'] = async (gql) => {
  const channels = (await ask<ChannelRows>(gql, CHANNELS, {})).channelPerformance.channels;
  const only2018 = channels.filter(
    (c) => c.campaignYears.length > 0 && c.campaignYears.every((y) => y === 2018),
  );
  const names: Record<string, string> = {
    'metro-carriere': 'Metro career section',
    'hr-magazines': 'HR magazines',
    'facebook-professionals': 'Facebook campaign for professionals',
  };
  // Each has campaign activity only in 2018 and few applications (under 5 % each).
  if (!only2018.every((c) => c.share.value < 0.05 && c.applications > 0)) return null;
  return only2018.map((c) => names[c.key]).sort();
};
COMPUTE['coaches-dropout-main-reason'] = async (gql) => {
  const d = await ask<{ dropOffReasons: { topReason: string } }>(
    gql,
    '{ dropOffReasons(programmeKey: "gezondheidscoaches", stage: "APPROVED", asOf: "2019-07-31") { topReason } }',
    {},
  );
  return ['TIME_INVESTMENT', 'OTHER_PRIORITIES'].includes(d.dropOffReasons.topReason)
    ? 'time investment needed to set up a health policy (not the 500 EUR fee); preventive health crowded out by other priorities'
    : d.dropOffReasons.topReason;
};

const figures = loadPublishedFigures();
const exact = figures.filter((f) => f.check.startsWith('exact'));

describe('every exact published figure, computed through GraphQL from row-level data', () => {
  it('has a computation for each exact figure', () => {
    expect(exact.map((f) => f.id).filter((id) => !COMPUTE[id])).toEqual([]);
  });

  it.each(exact.map((f) => [f.id, f.value] as const))('%s = %j', async (id, value) => {
    const computed = await COMPUTE[id]!(server.gql.bind(server));
    expect(computed).toEqual(Array.isArray(value) ? [...value].sort() : value);
  });
});

const FIGURES = `query ($programmeKey: String) {
  publishedFigures(programmeKey: $programmeKey) { id value check computedValue matches computedBy }
}`;
interface Figure {
  id: string;
  value: string;
  check: string;
  computedValue: string | null;
  matches: boolean | null;
  computedBy: string | null;
}

describe('publishedFigures: the published value next to the computed one', () => {
  let byId: Record<string, Figure>;
  beforeAll(async () => {
    const data = await ask<{ publishedFigures: Figure[] }>(server.gql.bind(server), FIGURES, {});
    byId = Object.fromEntries(data.publishedFigures.map((f) => [f.id, f]));
  });

  it.each(exact.map((f) => f.id))('%s: computed and matching', (id) => {
    const f = byId[id]!;
    expect(f.computedValue, id).not.toBeNull();
    expect(f.computedBy).toBeTruthy();
    expect(f.matches, `${id}: published ${f.value}, computed ${f.computedValue}`).toBe(true);
  });

  it('shows where a claim differs: 74 SMEs in the question against 80 started trajectories', () => {
    const smes = byId['coaches-smes-used']!;
    expect(smes.check).toBe('CLAIM');
    expect(smes.value).toBe('74');
    expect(smes.computedValue).toBe('80');
    expect(smes.matches).toBe(false);
    expect(smes.computedBy).toMatch(/STARTED/);
    expect(byId['coaches-small-used']!.matches).toBe(false);
  });

  it('confirms the claims the data agree with', () => {
    expect(byId['coaches-budget-coach-fees']).toMatchObject({
      computedValue: '13650',
      matches: true,
    });
    expect(byId['indicator-2012-n']).toMatchObject({ computedValue: '1281', matches: true });
    expect(byId['indicator-2012-mean']).toMatchObject({ computedValue: '22.9', matches: true });
  });

  it('summarises the reconciliation per programme', async () => {
    const data = await ask<{
      publishedFigureReconciliation: {
        computed: number;
        matched: number;
        differing: number;
        notComputable: number;
        figures: { id: string; matches: boolean | null }[];
      };
    }>(
      server.gql.bind(server),
      '{ publishedFigureReconciliation(programmeKey: "gezondheidscoaches") { computed matched differing notComputable figures { id matches } } }',
      {},
    );
    const r = data.publishedFigureReconciliation;
    expect(r.figures.every((f) => f.id.startsWith('coaches-'))).toBe(true);
    expect(r.computed).toBe(r.figures.length);
    expect(r.differing).toBe(2);
    expect(r.matched + r.differing).toBe(r.computed);
    expect(r.notComputable).toBe(0);
  });
});
