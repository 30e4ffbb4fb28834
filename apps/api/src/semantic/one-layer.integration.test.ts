/**
 * One query layer: the analytics API and the research API count with the same units, measures,
 * dimensions, filters and "as of" (this directory). Before disclosure control, the research
 * funnel's true counts must equal the analytics funnel's for any filter, breakdown and date:
 * random questions (seeded, the seed printed) asked both ways.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DimensionCatalog } from '../research/dimension-catalog.js';
import { FunnelCube, loadCubeProgramme, S } from '../research/funnel-cube.js';
import type { ResearchDimension, ResearchFilterValues } from '../research/research-dimensions.js';
import { Random } from '../test/fuzz/random.js';
import { DEMO, startTestServer, type TestServer } from '../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ as: DEMO.analyst, freshDataset: true });
});
afterAll(() => server.close());

const SEED = Number(process.env.ONE_LAYER_SEED ?? Date.now() % 1_000_000);
const CASES = 30;

/** The dimensions both APIs know: analytics name, research name, filter fields. */
const SHARED = [
  { analytics: 'EDITION', research: 'EDITION_YEAR', filter: 'editions', values: 'EDITION_YEAR' },
  { analytics: 'CHANNEL', research: 'CHANNEL', filter: 'channels', values: 'CHANNEL' },
  { analytics: 'SIZE_CLASS', research: 'SIZE_CLASS', filter: 'sizeClasses', values: 'SIZE_CLASS' },
  { analytics: 'SECTOR', research: 'SECTOR', filter: 'sectors', values: 'SECTOR' },
  { analytics: 'PROVINCE', research: 'PROVINCE', filter: 'provinces', values: 'PROVINCE' },
  {
    analytics: 'REGISTRATION_TYPE',
    research: 'REGISTRATION_TYPE',
    filter: 'registrationTypes',
    values: 'REGISTRATION_TYPE',
  },
  {
    analytics: 'HAS_PREVENTION_COMMITTEE',
    research: 'COMMITTEE',
    filter: 'hasPreventionCommittee',
    values: 'COMMITTEE',
  },
] as const;

const FUNNEL = `query ($input: FunnelInput!) {
  funnel(input: $input) {
    steps { stage count }
    exits { stage count }
    groups { key { dimension key } steps { stage count } exits { stage count } }
  }
}`;
interface Counts {
  steps: { stage: string; count: number }[];
  exits: { stage: string; count: number }[];
}
interface AnalyticsFunnel extends Counts {
  groups: (Counts & { key: { dimension: string; key: string | null }[] })[];
}

describe('one query layer: research true counts equal the analytics counts', () => {
  it(`for ${CASES} random questions (seed ${SEED})`, async () => {
    const rnd = new Random(SEED);
    const next = () => rnd.next();
    const pick = <T>(list: readonly T[]): T => rnd.pick(list);
    const subset = <T>(list: readonly T[]): T[] => {
      const out = list.filter(() => next() < 0.5);
      return out.length ? out : [pick(list)];
    };
    const ds = server.dataSource;
    const catalog = new DimensionCatalog();
    await catalog.ensureLoaded(ds);
    let compared = 0;
    for (let n = 0; n < CASES; n++) {
      const programme = await loadCubeProgramme(
        ds,
        pick(['gezondheidscoaches', 'nv-gezond']),
        'programmeKey',
      );
      const research: ResearchFilterValues = { PROGRAMME: [programme.key] };
      const analyticsFilter: Record<string, unknown[]> = {};
      for (const d of SHARED) {
        if (next() > 0.3) continue;
        let keys = catalog
          .values(d.values as ResearchDimension, research)
          .map((v) => v.key)
          .filter((k): k is string => k !== null);
        if (d.research === 'EDITION_YEAR') keys = programme.years.map(String);
        if (!keys.length) continue;
        const chosen = subset(keys);
        research[d.research as ResearchDimension] = chosen;
        analyticsFilter[d.filter] =
          d.research === 'EDITION_YEAR'
            ? chosen.map(Number)
            : d.research === 'COMMITTEE'
              ? chosen.map((k) => k === 'true')
              : chosen;
      }
      const breakdown = SHARED.filter(() => next() < 0.25).slice(0, 2);
      const first = programme.references[0] as string;
      const last = programme.references.at(-1) as string;
      const monthEnds: string[] = [];
      for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y++) {
        for (const m of [3, 6, 9, 12]) {
          const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
          // (from the first year end: the analytics refuse dates before the first edition)
          if (end >= first) monthEnds.push(end);
        }
      }
      const asOf = next() < 0.3 ? null : pick(monthEnds);
      const label = JSON.stringify({
        programme: programme.key,
        filter: analyticsFilter,
        breakdown: breakdown.map((b) => b.analytics),
        asOf,
      });

      const res = await server.gql<{ funnel: AnalyticsFunnel }>(FUNNEL, {
        input: {
          programmeKey: programme.key,
          unit: 'COMPANIES',
          filter: analyticsFilter,
          breakdownBy: breakdown.map((b) => b.analytics),
          asOf,
        },
      });
      expect(res.errors, `${label}: ${JSON.stringify(res.errors)}`).toBeUndefined();
      const analytics = res.data?.funnel as AnalyticsFunnel;

      const cube = await FunnelCube.load(
        ds,
        catalog,
        programme,
        research,
        breakdown.map((b) => b.research as ResearchDimension),
        10,
        [],
        [asOf],
      );
      const trueCounts = (coords: readonly (string | null)[]) => ({
        steps: programme.steps.map((s) => ({
          stage: s.key,
          count: cube.cell(asOf, coords, S.reached(s.position), 'COMPANIES').pairs,
        })),
        exits: programme.exits.map((e) => ({
          stage: e.key,
          count: cube.cell(asOf, coords, S.exit(e.key), 'COMPANIES').pairs,
        })),
      });
      const shown = (c: Counts) => ({
        steps: c.steps.map((s) => ({ stage: s.stage, count: s.count })),
        exits: programme.exits.map((e) => ({
          stage: e.key,
          count: c.exits.find((x) => x.stage === e.key)?.count ?? 0,
        })),
      });
      expect(trueCounts(cube.total), label).toEqual(shown(analytics));
      compared++;

      // Every group of the full breakdown: the analytics lists the groups that hold units.
      for (const group of breakdown.length ? cube.groups(cube.fullLevel) : []) {
        const key = (dimension: string) =>
          group.values[cube.dims.indexOf(dimension as ResearchDimension)]?.key ?? null;
        const match = analytics.groups.find((g) =>
          g.key.every((k) => {
            const d = SHARED.find((s) => s.analytics === k.dimension);
            return d !== undefined && key(d.research) === k.key;
          }),
        );
        const expected = match
          ? shown(match)
          : {
              steps: programme.steps.map((s) => ({ stage: s.key, count: 0 })),
              exits: programme.exits.map((e) => ({ stage: e.key, count: 0 })),
            };
        expect(trueCounts(group.coords), `${label} group ${JSON.stringify(group.coords)}`).toEqual(
          expected,
        );
      }
    }
    expect(compared).toBe(CASES);
  }, 240_000);
});
