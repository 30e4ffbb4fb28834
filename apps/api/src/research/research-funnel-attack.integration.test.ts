/**
 * The disclosure-safe funnels under attack, through HTTP. Each test plays a researcher who wants
 * a number about fewer than 10 companies and checks, against the true figures computed here
 * from the database rows (not with the server's code), that none leaks: small cells in funnels
 * with breakdowns, totals and margins minus visible cells (an exact linear-algebra attacker),
 * two overlapping filters, two dates, and breakdowns that isolate one company.
 */

import { MAX_NOISE } from '@werkgezond/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../test/harness.js';
import { createKey, research } from '../test/research-client.js';
import { UNITS_SQL } from './research-dimensions.js';

const T = 10;
let server: TestServer;
let key: string;

beforeAll(async () => {
  // The attacker asks many questions: a generous budget, and a key of its own.
  server = await startTestServer({ freshDataset: true, research: { budgetPerHour: 1_000_000 } });
  key = (await createKey(server, (await server.signIn(DEMO.admin)).cookie, 'Funnel attacker')).key;
  await loadTruth();
});
afterAll(() => server.close());

// ---------------------------------------------------------------------------------------------
// The truth, from the rows

interface Row {
  programme: string;
  company: string;
  dims: Record<string, string | null>;
  /** Local day each step was reached (index k-1). */
  steps: (string | null)[];
  exitDay: string | null;
  exitStage: string | null;
}
let rows: Row[] = [];
const stagesOf = new Map<
  string,
  { steps: string[]; exits: { key: string; from: number; before: number }[] }
>();

/** Filter / breakdown field → the row attribute. */
const ATTR: Record<string, string> = {
  EDITION: 'edition_year',
  editions: 'edition_year',
  CHANNEL: 'channel',
  channels: 'channel',
  SIZE_CLASS: 'size_class',
  sizeClasses: 'size_class',
  SECTOR: 'sector',
  sectors: 'sector',
  PROVINCE: 'province',
  provinces: 'province',
  REGISTRATION_TYPE: 'registration_type',
  registrationTypes: 'registration_type',
  HAS_PREVENTION_COMMITTEE: 'committee',
};

async function loadTruth() {
  const day = (c: string) => `to_char(${c} AT TIME ZONE 'Europe/Brussels', 'YYYY-MM-DD')`;
  const raw: Record<string, string | null>[] = await server.dataSource.query(
    `SELECT u.*, ${[1, 2, 3, 4].map((k) => `${day(`a.stage${k}_at`)} AS d${k}`).join(', ')},
            ${day('a.exit_at')} AS xd, a.exit_stage AS xs
       FROM (${UNITS_SQL}) u JOIN application a ON a.id = u.app_id`,
  );
  rows = raw.map((r) => ({
    programme: r.programme as string,
    company: r.company_id as string,
    dims: Object.fromEntries(Object.values(ATTR).map((a) => [a, r[a] ?? null])),
    steps: [r.d1, r.d2, r.d3, r.d4] as (string | null)[],
    exitDay: r.xs ? (r.xd ?? null) : null,
    exitStage: r.xs ?? null,
  }));
  const defs: {
    programme: string;
    key: string;
    kind: string;
    position: number;
    requires: number | null;
    before: number | null;
  }[] = await server.dataSource.query(
    `SELECT p.key AS programme, sd.key, sd.kind, sd.position,
              (SELECT r.position FROM stage_definition r WHERE r.programme_id = p.id AND r.key = sd.requires_step) AS requires,
              (SELECT b.position FROM stage_definition b WHERE b.programme_id = p.id AND b.key = sd.before_step) AS before
         FROM stage_definition sd JOIN programme p ON p.id = sd.programme_id ORDER BY sd.position`,
  );
  for (const p of new Set(defs.map((d) => d.programme))) {
    const steps = defs.filter((d) => d.programme === p && d.kind === 'STEP').map((d) => d.key);
    stagesOf.set(p, {
      steps,
      exits: defs
        .filter((d) => d.programme === p && d.kind === 'EXIT')
        .map((d) => ({ key: d.key, from: d.requires ?? 1, before: d.before ?? steps.length })),
    });
  }
}

type Filter = Record<string, (string | number | boolean)[]>;
const matches = (r: Row, programme: string, filter: Filter) =>
  r.programme === programme &&
  Object.entries(filter).every(([f, list]) => {
    const v = r.dims[ATTR[f] as string] ?? null;
    return v !== null && list.map(String).includes(v);
  });
const furthest = (r: Row, t: string) => r.steps.reduce((k, d, i) => (d && d <= t ? i + 1 : k), 0);
const exitBy = (r: Row, t: string) => (r.exitDay && r.exitDay <= t ? r.exitStage : null);
/** Does the unit count in a step or exit cell at day t? */
function inSeries(r: Row, t: string, series: string): boolean {
  if (series.startsWith('X:')) return furthest(r, t) > 0 && exitBy(r, t) === series.slice(2);
  return furthest(r, t) >= Number(series.slice(1));
}
const companies = (list: Row[]) => new Set(list.map((r) => r.company)).size;
const FINAL = '9999-12-31';

// ---------------------------------------------------------------------------------------------
// Asking

interface Cell {
  value: number | null;
  suppressed: boolean;
  reason: string | null;
}
interface Body {
  steps: { stage: string; count: Cell }[];
  exits: { stage: string; count: Cell }[];
}
interface Funnel extends Body {
  groups: (Body & { key: { dimension: string; key: string | null }[] })[];
}
const BODY =
  'steps { stage count { value suppressed reason } } exits { stage count { value suppressed reason } }';

async function funnel(programme: string, breakdown: string[], filter: Filter = {}, asOf?: string) {
  const res = await research<{ funnel: Funnel }>(
    server,
    `query ($input: ResearchFunnelInput!) { funnel(input: $input) { ${BODY} groups { key { dimension key } ${BODY} } } }`,
    {
      key,
      variables: {
        input: {
          programmeKey: programme,
          unit: 'COMPANIES',
          breakdownBy: breakdown,
          filter,
          ...(asOf ? { asOf } : {}),
        },
      },
    },
  );
  return res;
}

/** Cells of a body as [series, cell]: N1.. for steps, X:<exit> for exits. */
const cellsOf = (programme: string, b: Body): [string, Cell][] => {
  const steps = stagesOf.get(programme)!.steps;
  return [
    ...b.steps.map((s) => [`N${steps.indexOf(s.stage) + 1}`, s.count] as [string, Cell]),
    ...b.exits.map((e) => [`X:${e.stage}`, e.count] as [string, Cell]),
  ];
};

const groupRows = (
  programme: string,
  filter: Filter,
  key: { dimension: string; key: string | null }[],
) =>
  rows.filter(
    (r) =>
      matches(r, programme, filter) &&
      key.every((k) => (r.dims[ATTR[k.dimension] as string] ?? null) === k.key),
  );

// ---------------------------------------------------------------------------------------------
// An exact attacker: linear algebra modulo two primes over the finest atoms of an answer

class RowSpace {
  private readonly pivots: { col: number; row: number[] }[] = [];
  constructor(private readonly p: number) {}
  private reduce(v: number[]): number[] {
    const r = v.map((x) => ((x % this.p) + this.p) % this.p);
    for (const { col, row } of this.pivots) {
      const f = r[col]!;
      if (f === 0) continue;
      for (let c = 0; c < r.length; c++)
        r[c] = (r[c]! - ((f * row[c]!) % this.p) + this.p) % this.p;
    }
    return r;
  }
  add(v: number[]) {
    const r = this.reduce(v);
    const col = r.findIndex((x) => x !== 0);
    if (col < 0) return;
    const inv = modInverse(r[col]!, this.p);
    const row = r.map((x) => (x * inv) % this.p);
    for (const piv of this.pivots) {
      const f = piv.row[col]!;
      if (f === 0) continue;
      for (let c = 0; c < row.length; c++)
        piv.row[c] = (piv.row[c]! - ((f * row[c]!) % this.p) + this.p) % this.p;
    }
    this.pivots.push({ col, row });
  }
  contains(v: number[]) {
    return this.reduce(v).every((x) => x === 0);
  }
}
function modInverse(a: number, p: number): number {
  let [r0, r1, t0, t1] = [p, a, 0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return ((t0 % p) + p) % p;
}

/**
 * Everything the API publishes for a breakdown and every coarser breakdown (same filter and
 * date; at the final date also the `aggregate` answers by current stage and by the same
 * groups), as equations over the atoms of the finest groups (furthest step × exit, the structure
 * the programme's rules allow); published zeros pin their atoms to zero. Returns the withheld
 * cells and small atoms (1..9 companies) that the equations determine.
 */
async function exactAttack(programme: string, dims: string[], filter: Filter = {}, asOf?: string) {
  const t = asOf ?? FINAL;
  const { steps, exits } = stagesOf.get(programme)!;
  const K = steps.length;
  const fine = await funnel(programme, dims, filter, asOf);
  expect(fine.errors, JSON.stringify(fine.errors)).toBeUndefined();
  const groups = fine.data!.funnel.groups.map((g) => g.key);
  const atoms: { g: number; k: number; x: string }[] = [];
  groups.forEach((_, g) => {
    for (let k = 1; k <= K; k++) {
      atoms.push({ g, k, x: '-' });
      for (const e of exits) if (k >= e.from && k < e.before) atoms.push({ g, k, x: e.key });
    }
  });
  const spaces = [new RowSpace(1_000_003), new RowSpace(999_983)];
  const vector = (inGroup: (g: number) => boolean, series: string) =>
    atoms.map((a) => {
      if (!inGroup(a.g)) return 0;
      if (series.startsWith('X:')) return a.x === series.slice(2) ? 1 : 0;
      return a.k >= Number(series.slice(1)) ? 1 : 0;
    });
  const hidden: { label: string; v: number[]; n: number }[] = [];
  const subsets = Array.from({ length: 1 << dims.length }, (_, m) =>
    dims.filter((_, i) => m & (1 << i)),
  );
  for (const sub of subsets) {
    const answer = sub.length === dims.length ? fine : await funnel(programme, sub, filter, asOf);
    expect(answer.errors).toBeUndefined();
    const bodies = sub.length
      ? answer.data!.funnel.groups
      : [{ ...answer.data!.funnel, key: [] as { dimension: string; key: string | null }[] }];
    for (const body of bodies) {
      const inGroup = (g: number) =>
        body.key.every((k) => groups[g]!.find((x) => x.dimension === k.dimension)?.key === k.key);
      for (const [series, cell] of cellsOf(programme, body)) {
        const v = vector(inGroup, series);
        if (!cell.suppressed) {
          for (const s of spaces) s.add(v);
          if (cell.value === 0) {
            // Counts are never negative: every atom of a published zero is zero.
            v.forEach((x, i) => {
              if (x) for (const s of spaces) s.add(atoms.map((_, j) => (j === i ? 1 : 0)));
            });
          }
        } else {
          const n = companies(
            groupRows(programme, filter, body.key).filter((r) => inSeries(r, t, series)),
          );
          hidden.push({ label: `${JSON.stringify(body.key)} ${series}`, v, n });
        }
      }
    }
  }
  if (!asOf) {
    // What `aggregate` publishes about the same population (current stage, by the same
    // groups): more equations over the same atoms.
    const DIM: Record<string, string> = {
      EDITION: 'EDITION_YEAR',
      HAS_PREVENTION_COMMITTEE: 'COMMITTEE',
    };
    const FILTER: Record<string, string> = {
      editions: 'editionYears',
      hasPreventionCommittee: 'committee',
    };
    const researchFilter = Object.fromEntries([
      ['programmes', [programme]],
      ...Object.entries(filter).map(([k, v]) => [FILTER[k] ?? k, v]),
    ]);
    for (const sub of subsets) {
      for (const withStage of [true, false]) {
        const dimensions = [...(withStage ? ['STAGE'] : []), ...sub.map((d) => DIM[d] ?? d)];
        const res = await research<{
          aggregate: {
            total: { companies: Cell };
            groups: { values: { dimension: string; key: string | null }[]; companies: Cell }[];
          };
        }>(
          server,
          'query ($d: [ResearchDimension!]!, $f: ResearchFilter) { aggregate(measures: [COMPANIES], dimensions: $d, filter: $f) { total { companies { value suppressed reason } } groups { values { dimension key } companies { value suppressed reason } } } }',
          { key, variables: { d: dimensions, f: researchFilter } },
        );
        expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
        const agg = res.data!.aggregate;
        const list = dimensions.length
          ? agg.groups
          : [{ values: [], companies: agg.total.companies }];
        for (const cell of list) {
          if (cell.companies.suppressed) continue;
          const keyOf = (d: string) =>
            cell.values.find((v) => v.dimension === (DIM[d] ?? d))?.key ?? null;
          const inGroup = (g: number) =>
            sub.every((d) => groups[g]!.find((x) => x.dimension === d)?.key === keyOf(d));
          const stage = keyOf('STAGE');
          const k = steps.indexOf(stage as string) + 1;
          const v = atoms.map((a) => {
            if (!inGroup(a.g)) return 0;
            if (!withStage) return 1;
            return (k > 0 && a.k === k && a.x === '-') || a.x === stage ? 1 : 0;
          });
          if (v.every((x) => x === 0)) continue;
          for (const sp of spaces) sp.add(v);
          if (cell.companies.value === 0) {
            v.forEach((x, i) => {
              if (x) for (const sp of spaces) sp.add(atoms.map((_, j) => (j === i ? 1 : 0)));
            });
          }
        }
      }
    }
  }
  const targets = [
    ...hidden,
    ...atoms.map((a, i) => ({
      label: `${JSON.stringify(groups[a.g])} atom ${a.k}/${a.x}`,
      v: atoms.map((_, j) => (j === i ? 1 : 0)),
      n: companies(
        groupRows(programme, filter, groups[a.g]!).filter(
          (r) => furthest(r, t) === a.k && (exitBy(r, t) ?? '-') === a.x,
        ),
      ),
    })),
  ];
  return targets
    .filter((x) => x.n > 0 && x.n < T)
    .filter((x) => spaces.every((s) => s.contains(x.v)))
    .map((x) => x.label);
}

// ---------------------------------------------------------------------------------------------

describe('the exact attacker itself', () => {
  it('finds a cell that totals minus visible cells give away', () => {
    // total = a + b + c with a and b published: c follows.
    for (const p of [1_000_003, 999_983]) {
      const space = new RowSpace(p);
      space.add([1, 1, 1]);
      space.add([1, 0, 0]);
      expect(space.contains([0, 1, 1])).toBe(true);
      expect(space.contains([0, 0, 1])).toBe(false);
      space.add([0, 1, 0]);
      expect(space.contains([0, 0, 1])).toBe(true);
    }
  });
});

describe('attacker: small cells in funnels with breakdowns', () => {
  it.each([
    ['gezondheidscoaches', ['PROVINCE', 'SIZE_CLASS']],
    ['gezondheidscoaches', ['CHANNEL', 'EDITION']],
    ['gezondheidscoaches', ['SECTOR']],
    ['nv-gezond', ['EDITION', 'REGISTRATION_TYPE']],
    ['nv-gezond', ['PROVINCE', 'SIZE_CLASS']],
  ])('%s by %j: no visible step or exit rests on 1..9 companies', async (programme, dims) => {
    const res = await funnel(programme, dims);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    let small = 0;
    for (const g of res.data!.funnel.groups) {
      const members = groupRows(programme, {}, g.key);
      for (const [series, cell] of cellsOf(programme, g)) {
        const n = companies(members.filter((r) => inSeries(r, FINAL, series)));
        if (n > 0 && n < T) {
          small++;
          expect(cell.suppressed, `${JSON.stringify(g.key)} ${series} = ${n}`).toBe(true);
        }
        if (!cell.suppressed) {
          expect(n === 0 || n >= T).toBe(true);
          // Published counts carry the cell key noise: within its maximum of the truth.
          const truth = members.filter((r) => inSeries(r, FINAL, series)).length;
          expect(Math.abs((cell.value as number) - truth)).toBeLessThanOrEqual(MAX_NOISE);
        }
      }
    }
    expect(small).toBeGreaterThan(0); // the data do hold small cells here
  });
});

describe('attacker: totals and margins minus visible cells in funnel groups', () => {
  it.each([
    ['gezondheidscoaches', ['PROVINCE', 'SIZE_CLASS'], {}],
    ['gezondheidscoaches', ['EDITION', 'CHANNEL'], {}],
    ['gezondheidscoaches', ['HAS_PREVENTION_COMMITTEE', 'SIZE_CLASS'], {}],
    ['nv-gezond', ['EDITION', 'PROVINCE'], {}],
    ['gezondheidscoaches', ['PROVINCE', 'SIZE_CLASS'], { editions: [2018] }],
  ] as [string, string[], Filter][])(
    '%s by %j (filter %j) with every coarser answer: nothing small can be solved for',
    async (programme, dims, filter) => {
      expect(await exactAttack(programme, dims, filter)).toEqual([]);
    },
  );

  it('also at a reference date (year end)', async () => {
    expect(
      await exactAttack('gezondheidscoaches', ['PROVINCE', 'EDITION'], {}, '2018-12-31'),
    ).toEqual([]);
  });
});

describe('attacker: two overlapping filters (differencing) on funnels', () => {
  const PROGRAMME = 'gezondheidscoaches';
  const SIZES = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'];
  const DATES = ['2017-12-31', '2018-12-31', '2019-12-31'];

  /** The cells an answer publishes, per date and series. */
  async function published(filter: Filter): Promise<Map<string, number> | 'refused'> {
    const res = await research<{ funnelSnapshots: { snapshots: ({ at: string } & Body)[] } }>(
      server,
      `query ($input: ResearchFunnelInput!, $at: [Date!]!) { funnelSnapshots(input: $input, at: $at) { snapshots { at ${BODY} } } }`,
      {
        key,
        variables: { input: { programmeKey: PROGRAMME, unit: 'COMPANIES', filter }, at: DATES },
      },
    );
    if (res.errors) {
      expect(res.errors[0]?.extensions?.code).toBe('POPULATION_TOO_SMALL');
      expect(res.data?.funnelSnapshots ?? null).toBeNull();
      return 'refused';
    }
    const out = new Map<string, number>();
    for (const s of res.data!.funnelSnapshots.snapshots) {
      for (const [series, cell] of cellsOf(PROGRAMME, s)) {
        if (!cell.suppressed) out.set(`${s.at}|${series}`, cell.value!);
      }
    }
    return out;
  }

  it('never lets two filters one step apart be subtracted to reveal 1..9 companies in a cell', async () => {
    const provinces = [
      ...new Set(rows.filter((r) => r.programme === PROGRAMME).map((r) => r.dims.province)),
    ]
      .filter((p): p is string => p !== null)
      .sort();
    const sizeLists = Array.from({ length: 15 }, (_, m) =>
      SIZES.filter((_, i) => (m + 1) & (1 << i)),
    );
    const filters: Filter[] = [
      {},
      ...sizeLists.map((s) => ({ sizeClasses: s })),
      ...provinces.map((p) => ({ provinces: [p] })),
      ...provinces.slice(0, 3).map((p) => ({ provinces: provinces.filter((x) => x !== p) })),
      ...provinces.flatMap((p) =>
        sizeLists.filter((s) => s.length <= 2).map((s) => ({ provinces: [p], sizeClasses: s })),
      ),
    ];
    const answers = new Map<string, Map<string, number> | 'refused'>();
    for (const f of filters) answers.set(JSON.stringify(f), await published(f));
    let compared = 0;
    let refused = 0;
    for (const f of filters) {
      // Its neighbours: one list dropped, or one value taken out of a list.
      const neighbours: Filter[] = [];
      for (const [d, list] of Object.entries(f)) {
        const { [d]: _, ...rest } = f;
        neighbours.push(rest);
        if (list.length > 1)
          for (const v of list) neighbours.push({ ...f, [d]: list.filter((x) => x !== v) });
      }
      const a = answers.get(JSON.stringify(f));
      if (a === 'refused') refused++;
      for (const n of neighbours) {
        const b = answers.get(JSON.stringify(n)) ?? (await published(n));
        if (!a || a === 'refused' || b === 'refused') continue;
        const inA = rows.filter((r) => matches(r, PROGRAMME, f));
        const inB = rows.filter((r) => matches(r, PROGRAMME, n));
        const diff = [
          ...inA.filter((r) => !inB.includes(r)),
          ...inB.filter((r) => !inA.includes(r)),
        ];
        for (const [cell, value] of a) {
          const other = b.get(cell);
          if (other === undefined) continue;
          compared++;
          const [date, series] = cell.split('|') as [string, string];
          const n2 = companies(diff.filter((r) => inSeries(r, date, series)));
          expect(
            n2 === 0 || n2 >= T,
            `${JSON.stringify(f)} vs ${JSON.stringify(n)}: ${cell} ${value} − ${other}`,
          ).toBe(true);
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(0);
  });
});

describe('attacker: two dates', () => {
  it('no two month ends can be subtracted to reveal 1..9 companies in a cell', async () => {
    const programme = 'gezondheidscoaches';
    const ends: string[] = [];
    for (let y = 2017; y <= 2019; y++) {
      for (let m = 1; m <= 12; m++) {
        const d = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
        if (d >= '2017-11-30' && d <= '2019-08-31') ends.push(d);
      }
    }
    const values = new Map<string, Map<string, number>>();
    for (let i = 0; i < ends.length; i += 12) {
      const res = await research<{ funnelSnapshots: { snapshots: ({ at: string } & Body)[] } }>(
        server,
        `query ($at: [Date!]!) { funnelSnapshots(input: { programmeKey: "${programme}", unit: COMPANIES }, at: $at) { snapshots { at ${BODY} } } }`,
        { key, variables: { at: ends.slice(i, i + 12) } },
      );
      expect(res.errors).toBeUndefined();
      for (const s of res.data!.funnelSnapshots.snapshots) {
        const m = new Map<string, number>();
        for (const [series, cell] of cellsOf(programme, s))
          if (!cell.suppressed) m.set(series, cell.value!);
        values.set(s.at, m);
      }
    }
    const units = rows.filter((r) => r.programme === programme);
    let compared = 0;
    for (const a of ends) {
      for (const b of ends) {
        if (a >= b) continue;
        for (const [series, va] of values.get(a)!) {
          const vb = values.get(b)!.get(series);
          if (vb === undefined) continue;
          compared++;
          const changed = companies(
            units.filter((r) => inSeries(r, b, series) && !inSeries(r, a, series)),
          );
          expect(changed === 0 || changed >= T, `${series} ${a} → ${b}: ${va} → ${vb}`).toBe(true);
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
    // The published table: year ends are shown, months with few events are withheld.
    expect(Math.abs(values.get('2018-12-31')!.get('N1')! - 140)).toBeLessThanOrEqual(MAX_NOISE);
    expect(values.get('2018-11-30')!.has('N1')).toBe(false);
  });
});

describe('attacker: breakdowns that isolate one company', () => {
  it('a company alone in its province, size class and sector is refused as a filter and withheld in a breakdown', async () => {
    const programme = 'gezondheidscoaches';
    const counts = new Map<string, Set<string>>();
    for (const r of rows.filter((x) => x.programme === programme)) {
      const k = JSON.stringify([r.dims.province, r.dims.size_class, r.dims.sector]);
      if (r.dims.province && r.dims.size_class && r.dims.sector) {
        counts.set(k, (counts.get(k) ?? new Set()).add(r.company));
      }
    }
    const lonely = [...counts.entries()].find(([, s]) => s.size === 1);
    expect(lonely).toBeDefined();
    const [province, size, sector] = JSON.parse(lonely![0]) as [string, string, string];

    const filtered = await funnel(programme, [], {
      provinces: [province],
      sizeClasses: [size],
      sectors: [sector],
    });
    expect(filtered.errors?.[0]?.extensions?.code).toBe('POPULATION_TOO_SMALL');
    expect(filtered.data?.funnel ?? null).toBeNull();

    const broken = await funnel(programme, ['SIZE_CLASS', 'SECTOR'], { provinces: [province] });
    if (broken.errors) {
      expect(broken.errors[0]?.extensions?.code).toBe('POPULATION_TOO_SMALL');
    } else {
      const g = broken.data!.funnel.groups.find(
        (x) => x.key[0]?.key === size && x.key[1]?.key === sector,
      )!;
      for (const [series, cell] of cellsOf(programme, g)) {
        if (cell.value !== 0) expect(cell.suppressed, series).toBe(true);
      }
      expect(
        await exactAttack(programme, ['SIZE_CLASS', 'SECTOR'], { provinces: [province] }),
      ).toEqual([]);
    }
  });

  it('a breakdown by three attributes through filter and breakdown brings no single company back', async () => {
    const res = await funnel('gezondheidscoaches', ['PROVINCE', 'SECTOR'], {
      sizeClasses: ['MEDIUM', 'LARGE'],
    });
    if (res.errors) {
      expect(res.errors[0]?.extensions?.code).toBe('POPULATION_TOO_SMALL');
      return;
    }
    for (const g of res.data!.funnel.groups) {
      const members = groupRows('gezondheidscoaches', { sizeClasses: ['MEDIUM', 'LARGE'] }, g.key);
      for (const [series, cell] of cellsOf('gezondheidscoaches', g)) {
        const n = companies(members.filter((r) => inSeries(r, FINAL, series)));
        if (n > 0 && n < T) expect(cell.suppressed).toBe(true);
      }
    }
  });
});
