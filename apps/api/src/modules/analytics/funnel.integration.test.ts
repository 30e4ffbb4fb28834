import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JobQueue } from '../../jobs/job-queue.js';
import { DEMO, startTestServer, type TestServer } from '../../test/harness.js';
import { FunnelService } from './funnel.service.js';
import { askForRollupRefresh, ROLLUP_REFRESH_JOB } from './rollup.jobs.js';
import { RollupService } from './rollup.service.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ as: DEMO.analyst });
});
afterAll(() => server.close());

const FUNNEL = `query ($input: FunnelInput!) {
  funnel(input: $input) {
    programmeKey unit asOf years breakdownBy units computedFrom
    steps { stage label position count dropOff exited inProgress medianDaysFromPrevious p90DaysFromPrevious
            fromPrevious { value lower upper } fromFirst { value lower upper } }
    exits { stage label count reasons { reason label count share } fromSteps { stage count } }
    groups { key { dimension key label } units steps { stage count } exits { stage count } }
  }
}`;

interface Step {
  stage: string;
  count: number;
  dropOff: number | null;
  exited: number | null;
  inProgress: number | null;
  medianDaysFromPrevious: number | null;
  p90DaysFromPrevious: number | null;
  fromPrevious: { value: number | null; lower: number | null; upper: number | null } | null;
  fromFirst: { value: number | null; lower: number | null; upper: number | null };
}
interface FunnelResult {
  funnel: {
    unit: string;
    asOf: string | null;
    units: number;
    computedFrom: string;
    steps: Step[];
    exits: { stage: string; count: number; reasons: { reason: string | null; count: number }[] }[];
    groups: {
      key: { dimension: string; key: string | null; label: string }[];
      units: number;
      steps: { stage: string; count: number }[];
      exits: { stage: string; count: number }[];
    }[];
  };
}

const funnel = async (input: Record<string, unknown>) => {
  const res = await server.gql<FunnelResult>(FUNNEL, { input });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.funnel;
};
const counts = (f: { steps: { stage: string; count: number }[] }) =>
  Object.fromEntries(f.steps.map((s) => [s.stage, s.count]));
const exitCount = (f: { exits: { stage: string; count: number }[] }, stage: string) =>
  f.exits.find((e) => e.stage === stage)?.count;

describe('funnel: the examples of the issue', () => {
  it('coaching through 2019-07-31: 196 applied, 181 approved, 80 started, 7 completed, 15 rejected', async () => {
    const f = await funnel({ programmeKey: 'gezondheidscoaches', asOf: '2019-07-31' });
    expect(counts(f)).toEqual({ APPLIED: 196, APPROVED: 181, STARTED: 80, COMPLETED: 7 });
    expect(exitCount(f, 'REJECTED')).toBe(15);
    expect(f.asOf).toBe('2019-07-31');
  });

  it('coaching through 2018-12-31: 140, 128, 42, 0 and 12 rejected', async () => {
    const f = await funnel({ programmeKey: 'gezondheidscoaches', asOf: '2018-12-31' });
    expect(counts(f)).toEqual({ APPLIED: 140, APPROVED: 128, STARTED: 42, COMPLETED: 0 });
    expect(exitCount(f, 'REJECTED')).toBe(12);
  });

  it('award 2014: 29 registered, 22 participated; 45 companies with unit COMPANIES', async () => {
    const apps = await funnel({ programmeKey: 'nv-gezond', years: [2014] });
    expect(counts(apps)).toEqual({ REGISTERED: 29, PARTICIPATED: 22 });
    const companies = await funnel({ programmeKey: 'nv-gezond', years: [2014], unit: 'COMPANIES' });
    expect(companies.unit).toBe('COMPANIES');
    expect(counts(companies).PARTICIPATED).toBe(45);
  });
});

describe('funnel: the numbers around the counts', () => {
  it('gives conversions with Wilson intervals, drop-off split into exited and in progress', async () => {
    const f = await funnel({ programmeKey: 'gezondheidscoaches', asOf: '2019-07-31' });
    const [applied, approved, started, completed] = f.steps as [Step, Step, Step, Step];
    expect(applied.fromPrevious).toBeNull();
    expect(applied.fromFirst.value).toBe(1);
    expect(approved.fromPrevious!.value).toBeCloseTo(181 / 196, 12);
    expect(approved.fromPrevious!.lower!).toBeLessThan(181 / 196);
    expect(approved.fromPrevious!.upper!).toBeGreaterThan(181 / 196);
    expect(completed.fromFirst.value).toBeCloseTo(7 / 196, 12);
    expect(approved.dropOff).toBe(15);
    // All 15 that were not approved were rejected: none still waiting.
    expect(approved.exited).toBe(15);
    expect(approved.inProgress).toBe(0);
    for (const s of [started, completed]) {
      expect((s.exited ?? 0) + (s.inProgress ?? 0)).toBe(s.dropOff);
    }
    expect(approved.medianDaysFromPrevious).toBeGreaterThan(0);
    expect(approved.p90DaysFromPrevious!).toBeGreaterThanOrEqual(approved.medianDaysFromPrevious!);
    expect(applied.medianDaysFromPrevious).toBeNull();
  });

  it('lists every exit with its reasons, most frequent first', async () => {
    const f = await funnel({ programmeKey: 'gezondheidscoaches', asOf: '2019-07-31' });
    expect(f.exits.map((e) => e.stage)).toEqual(['REJECTED', 'WITHDRAWN', 'DROPPED_OUT']);
    for (const e of f.exits) {
      expect(e.reasons.reduce((s, r) => s + r.count, 0)).toBe(e.count);
      const sorted = [...e.reasons].sort((a, b) => b.count - a.count);
      expect(e.reasons.map((r) => r.count)).toEqual(sorted.map((r) => r.count));
    }
  });

  it('agrees with the median days computed directly with percentile_cont', async () => {
    const f = await funnel({ programmeKey: 'gezondheidscoaches', asOf: '2019-07-31' });
    const [row] = await server.dataSource.query(
      `SELECT percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY
                ((a.stage2_at AT TIME ZONE 'Europe/Brussels')::date - (a.stage1_at AT TIME ZONE 'Europe/Brussels')::date)) AS p
         FROM application a JOIN programme p ON p.id = a.programme_id
        WHERE p.key = 'gezondheidscoaches' AND a.stage2_at < '2019-08-01T00:00:00+02:00'`,
    );
    expect(f.steps[1]!.medianDaysFromPrevious).toBeCloseTo(row.p[0], 2);
    expect(f.steps[1]!.p90DaysFromPrevious).toBeCloseTo(row.p[1], 2);
  });
});

describe('funnel: breakdowns and filters', () => {
  it('breaks down by edition; the groups add up to the total', async () => {
    const f = await funnel({
      programmeKey: 'nv-gezond',
      breakdownBy: ['EDITION'],
      filter: { editions: [2012, 2013, 2014, 2015] },
    });
    const byYear = Object.fromEntries(f.groups.map((g) => [g.key[0]!.key, counts(g)]));
    expect(byYear).toEqual({
      '2012': { REGISTERED: 24, PARTICIPATED: 15 },
      '2013': { REGISTERED: 32, PARTICIPATED: 16 },
      '2014': { REGISTERED: 29, PARTICIPATED: 22 },
      '2015': { REGISTERED: 37, PARTICIPATED: 22 },
    });
    expect(f.groups.reduce((s, g) => s + g.steps[0]!.count, 0)).toBe(f.steps[0]!.count);
    expect(f.groups[0]!.key[0]).toMatchObject({ dimension: 'EDITION', key: '2012' });
  });

  it('counts every represented company per edition with unit COMPANIES', async () => {
    const f = await funnel({
      programmeKey: 'nv-gezond',
      unit: 'COMPANIES',
      breakdownBy: ['EDITION'],
      years: [2012, 2013, 2014, 2015],
    });
    const participated = Object.fromEntries(
      f.groups.map((g) => [g.key[0]!.key, counts(g).PARTICIPATED]),
    );
    expect(participated).toEqual({ '2012': 106, '2013': 62, '2014': 45, '2015': 132 });
  });

  it('uses each represented company’s own attributes for company dimensions', async () => {
    const f = await funnel({
      programmeKey: 'nv-gezond',
      years: [2014],
      unit: 'COMPANIES',
      breakdownBy: ['SIZE_CLASS'],
    });
    expect(f.groups.reduce((s, g) => s + counts(g).PARTICIPATED!, 0)).toBe(45);
    expect(f.groups.every((g) => g.key[0]!.dimension === 'SIZE_CLASS')).toBe(true);
    const [row] = await server.dataSource.query(
      `SELECT count(*)::int AS n FROM application a
         JOIN programme p ON p.id = a.programme_id JOIN edition e ON e.id = a.edition_id
         JOIN application_member m ON m.application_id = a.id
         JOIN organisation o ON o.id = m.organisation_id
        WHERE p.key = 'nv-gezond' AND e.year = 2014 AND a.registration_type = 'GROUP'
          AND a.stage2_at IS NOT NULL AND o.size_class = 'MICRO'`,
    );
    const [individual] = await server.dataSource.query(
      `SELECT count(*)::int AS n FROM application a
         JOIN programme p ON p.id = a.programme_id JOIN edition e ON e.id = a.edition_id
         JOIN organisation o ON o.id = a.organisation_id
        WHERE p.key = 'nv-gezond' AND e.year = 2014 AND a.registration_type = 'INDIVIDUAL'
          AND a.stage2_at IS NOT NULL AND o.size_class = 'MICRO'`,
    );
    const micro = f.groups.find((g) => g.key[0]!.key === 'MICRO');
    expect(micro ? counts(micro).PARTICIPATED : 0).toBe(row.n + individual.n);
  });

  it('breaks down by two dimensions and filters on others', async () => {
    const f = await funnel({
      programmeKey: 'gezondheidscoaches',
      asOf: '2019-07-31',
      breakdownBy: ['CHANNEL', 'REGISTRATION_TYPE'],
      filter: { sizeClasses: ['MICRO', 'SMALL'], hasPreventionCommittee: [false] },
    });
    expect(f.computedFrom).toBe('LIVE');
    expect(f.groups.every((g) => g.key.length === 2)).toBe(true);
    expect(f.groups.reduce((s, g) => s + g.steps[0]!.count, 0)).toBe(f.steps[0]!.count);
    const prebes = f.groups.find((g) => g.key[0]!.key === 'prebes')!;
    expect(prebes.key[0]!.label).toMatch(/Prebes/);
  });

  it('filters by channel, province, sector and service provider', async () => {
    const all = await funnel({
      programmeKey: 'gezondheidscoaches',
      asOf: '2019-07-31',
      breakdownBy: ['PROVINCE'],
    });
    const antwerpen = all.groups.find((g) => g.key[0]!.key === 'Antwerpen')!;
    const filtered = await funnel({
      programmeKey: 'gezondheidscoaches',
      asOf: '2019-07-31',
      filter: { provinces: ['Antwerpen'] },
    });
    expect(counts(filtered)).toEqual(counts(antwerpen));
    const bySector = await funnel({
      programmeKey: 'gezondheidscoaches',
      asOf: '2019-07-31',
      breakdownBy: ['SECTOR'],
    });
    const sector = bySector.groups.find((g) => g.key[0]!.key !== null)!;
    const one = await funnel({
      programmeKey: 'gezondheidscoaches',
      asOf: '2019-07-31',
      filter: { sectors: [sector.key[0]!.key] },
    });
    expect(counts(one)).toEqual(counts(sector));
    const byProvider = await funnel({
      programmeKey: 'gezondheidscoaches',
      asOf: '2019-07-31',
      breakdownBy: ['SERVICE_PROVIDER'],
    });
    const provider = byProvider.groups.find((g) => g.key[0]!.key !== null)!;
    const viaName = await funnel({
      programmeKey: 'gezondheidscoaches',
      asOf: '2019-07-31',
      filter: { serviceProviders: [provider.key[0]!.label] },
    });
    expect(counts(viaName)).toEqual(counts(provider));
  });
});

describe('funnel: rollup and live aggregation agree', () => {
  it('answers the same from the rollup as from the live statement', async () => {
    const ds = server.dataSource;
    // Waits for a build another process may be running, then builds from what it can see.
    const refreshed = await new RollupService(ds).refresh({ wait: true });
    expect(refreshed.built).toBe(true);
    const live = new FunnelService(ds, { strategy: 'live' });
    const rollup = new FunnelService(ds, { strategy: 'rollup' });
    const queries = [
      { programmeKey: 'nv-gezond', years: [2012, 2013, 2014, 2015] },
      { programmeKey: 'nv-gezond', years: [2014], unit: 'COMPANIES' as const },
      {
        programmeKey: 'nv-gezond',
        breakdownBy: ['EDITION' as const],
        unit: 'COMPANIES' as const,
        years: [2012, 2013],
      },
      {
        programmeKey: 'gezondheidscoaches',
        years: [2017, 2018, 2019],
        breakdownBy: ['CHANNEL' as const],
      },
      {
        programmeKey: 'gezondheidscoaches',
        years: [2018],
        breakdownBy: ['SIZE_CLASS' as const],
        unit: 'COMPANIES' as const,
      },
      {
        programmeKey: 'gezondheidscoaches',
        years: [2018, 2019],
        breakdownBy: ['EDITION' as const, 'SERVICE_PROVIDER' as const],
        filter: { serviceProviders: [] },
      },
      {
        programmeKey: 'gezondheidscoaches',
        years: [2019],
        filter: { hasPreventionCommittee: [false] },
      },
    ];
    for (const q of queries) {
      const a = await live.funnel(q);
      const b = await rollup.funnel(q);
      expect(b.computedFrom).toBe('ROLLUP');
      expect({ ...b, computedFrom: 'LIVE' }).toEqual(a);
    }
  });
});

describe('funnel: when the rollup may answer', () => {
  const query = {
    programmeKey: 'gezondheidscoaches',
    years: [2018],
    breakdownBy: ['CHANNEL' as const],
  };

  it('uses the rollup right after a rebuild, and the live statement once anything changed', async () => {
    const ds = server.dataSource;
    const auto = new FunnelService(ds, { refreshInBackground: false });
    // Test files run one after another and no job worker runs in tests: nothing writes between.
    await new RollupService(ds).refresh({ wait: true });
    expect(auto.plan(await auto.scope(query)).source).toBe('ROLLUP');
    // Any committed write to a table the funnels read makes it stale (even one that changes no row).
    await ds.query('UPDATE outreach_channel SET name = name WHERE false');
    expect(auto.plan(await auto.scope(query)).source).toBe('LIVE');
    const [state] = await ds.query('SELECT count(*)::int AS n FROM analytics_change_log');
    expect(state.n).toBeGreaterThan(0);
  });

  it('a stale read asks for a rebuild as a job, and running that job makes the rollup answer', async () => {
    const ds = server.dataSource;
    const auto = new FunnelService(ds, { refreshInBackground: false });
    await ds.query('UPDATE outreach_channel SET name = name WHERE false');
    expect(auto.plan(await auto.scope(query)).source).toBe('LIVE');
    // The job is delayed by design (a pause between builds); the test runs it now, in-process.
    await askForRollupRefresh(ds);
    const ran = await JobQueue.for(ds).runUntilIdle({
      names: [ROLLUP_REFRESH_JOB],
      ignoreStartAfter: true,
    });
    expect(ran).toBeGreaterThanOrEqual(1);
    expect(auto.plan(await auto.scope(query)).source).toBe('ROLLUP');
  });

  it('answers live for an as-of date before the last event, or two dimensions besides EDITION', async () => {
    const auto = new FunnelService(server.dataSource, { refreshInBackground: false });
    await new RollupService(server.dataSource).refresh({ wait: true });
    const early = auto.plan(await auto.scope({ ...query, asOf: '2018-12-31' }));
    expect(early.source).toBe('LIVE');
    const two = auto.plan(await auto.scope({ ...query, filter: { sizeClasses: ['MICRO'] } }));
    expect(two.source).toBe('LIVE');
  });

  it('a rebuild while another one runs is a no-op, not a duplicate', async () => {
    const rollup = new RollupService(server.dataSource);
    await Promise.all([rollup.refresh(), rollup.refresh()]);
    const [dupes] = await server.dataSource.query(
      `SELECT count(*)::int AS n FROM (
         SELECT 1 FROM analytics_funnel_cell
          GROUP BY programme_id, edition_id, unit, dimension, value, exit_stage, exit_reason, exit_from
         HAVING count(*) > 1) d`,
    );
    expect(dupes.n).toBe(0);
  });
});

describe('funnel: round trips', () => {
  /** The funnel's answer and how many statements it sent to PostgreSQL. */
  const counted = async (service: FunnelService, input: Parameters<FunnelService['funnel']>[0]) => {
    const spy = vi.spyOn(pg.Client.prototype, 'query');
    try {
      const answer = await service.funnel(input);
      return { answer, statements: spy.mock.calls.length };
    } finally {
      spy.mockRestore();
    }
  };
  const query = { programmeKey: 'gezondheidscoaches', breakdownBy: ['CHANNEL' as const] };

  it('reads the programme and the rollup in one statement, and answers as the rollup does', async () => {
    const ds = server.dataSource;
    await new RollupService(ds).refresh({ wait: true });
    const auto = new FunnelService(ds, { refreshInBackground: false });
    const { answer, statements } = await counted(auto, query);
    expect(answer.computedFrom).toBe('ROLLUP');
    expect(statements).toBe(1);
    expect(answer).toEqual(await new FunnelService(ds, { strategy: 'rollup' }).funnel(query));
    // The award has two steps: the statement takes their number from the programme it read.
    const award = await counted(auto, { programmeKey: 'nv-gezond', unit: 'COMPANIES' });
    expect(award.statements).toBe(1);
    expect(award.answer.steps.map((s) => s.stage)).toEqual(['REGISTERED', 'PARTICIPATED']);
    expect(award.answer).toEqual(
      await new FunnelService(ds, { strategy: 'rollup' }).funnel({
        programmeKey: 'nv-gezond',
        unit: 'COMPANIES',
      }),
    );
  });

  it('answers live in a second statement when the rollup may not, and sees an edited programme at once', async () => {
    const ds = server.dataSource;
    const auto = new FunnelService(ds, { refreshInBackground: false });
    const [stage] = await ds.query(
      `SELECT sd.id, sd.label FROM stage_definition sd JOIN programme p ON p.id = sd.programme_id
        WHERE p.key = 'gezondheidscoaches' AND sd.key = 'APPROVED'`,
    );
    try {
      await ds.query('UPDATE stage_definition SET label = $2 WHERE id = $1', [stage.id, 'Ja']);
      const stale = await counted(auto, query);
      expect(stale.answer.computedFrom).toBe('LIVE');
      expect(stale.statements).toBe(2);
      expect(stale.answer.steps[1]!.label).toBe('Ja');
      expect(stale.answer).toEqual(await new FunnelService(ds, { strategy: 'live' }).funnel(query));
      await new RollupService(ds).refresh({ wait: true });
      const fresh = await counted(auto, query);
      expect([fresh.answer.computedFrom, fresh.statements]).toEqual(['ROLLUP', 1]);
      expect(fresh.answer.steps[1]!.label).toBe('Ja');
    } finally {
      await ds.query('UPDATE stage_definition SET label = $2 WHERE id = $1', [
        stage.id,
        stage.label,
      ]);
    }
  });

  it('keeps two statements where the SQL needs the programme first (years, filters)', async () => {
    const auto = new FunnelService(server.dataSource, { refreshInBackground: false });
    expect(auto.oneStatement({ ...query, years: [2018] })).toBeNull();
    expect(auto.oneStatement({ ...query, filter: { channels: ['prebes'] } })).toBeNull();
    expect(auto.oneStatement({ ...query, breakdownBy: ['CHANNEL', 'SIZE_CLASS'] })).toBeNull();
    expect(auto.oneStatement(query)?.name).toMatch(/^wg_funnel_/);
  });
});

describe('funnel: bad input', () => {
  const codeOf = async (input: Record<string, unknown>) => {
    const res = await server.gql(FUNNEL, { input });
    expect(res.data?.funnel ?? null).toBeNull();
    return { code: res.errors?.[0]?.extensions?.code, field: res.errors?.[0]?.extensions?.field };
  };

  it('refuses an unknown programme', async () => {
    expect(await codeOf({ programmeKey: 'bestaat-niet' })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.programmeKey',
    });
  });

  it('refuses more than two breakdowns, and the same one twice', async () => {
    expect(
      await codeOf({ programmeKey: 'nv-gezond', breakdownBy: ['EDITION', 'CHANNEL', 'PROVINCE'] }),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'input.breakdownBy' });
    expect(
      await codeOf({ programmeKey: 'nv-gezond', breakdownBy: ['EDITION', 'EDITION'] }),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.breakdownBy',
    });
  });

  it('refuses an unknown dimension through GraphQL validation', async () => {
    const res = await server.gql(FUNNEL, {
      input: { programmeKey: 'nv-gezond', breakdownBy: ['COLOUR'] },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses an as-of date before the programme existed', async () => {
    expect(await codeOf({ programmeKey: 'gezondheidscoaches', asOf: '2017-12-05' })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.asOf',
    });
    const first = await funnel({ programmeKey: 'gezondheidscoaches', asOf: '2017-12-06' });
    expect(first.steps[0]!.count).toBeLessThanOrEqual(11);
  });

  it('refuses an edition the programme does not have', async () => {
    expect(await codeOf({ programmeKey: 'nv-gezond', years: [1999] })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.years',
    });
    expect(await codeOf({ programmeKey: 'nv-gezond', filter: { editions: [1999] } })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.filter.editions',
    });
  });

  it.each([
    [{ channels: ['geen-kanaal'] }, 'input.filter.channels'],
    [{ sectors: ['Z'] }, 'input.filter.sectors'],
    [{ provinces: ['Atlantis'] }, 'input.filter.provinces'],
    [{ serviceProviders: ['Geen Dienst'] }, 'input.filter.serviceProviders'],
  ])('refuses unknown filter values %j', async (filter, field) => {
    expect(await codeOf({ programmeKey: 'gezondheidscoaches', filter })).toEqual({
      code: 'BAD_USER_INPUT',
      field,
    });
  });

  it('refuses an unknown size class or registration type through GraphQL validation', async () => {
    for (const filter of [{ sizeClasses: ['HUGE'] }, { registrationTypes: ['SOLO'] }]) {
      const res = await server.gql(FUNNEL, { input: { programmeKey: 'nv-gezond', filter } });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('is for analysts: a participant is refused', async () => {
    const participant = await server.signIn(DEMO.participant);
    const res = await server.gql(
      FUNNEL,
      { input: { programmeKey: 'nv-gezond' } },
      { cookie: participant.cookie },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
