/**
 * Attacks on the cell key perturbation, through HTTP. The attacker knows the perturbation table
 * (it is documented: at most ±2, zeros stay zero, nothing between 1 and 4) and wants a number
 * about 1–9 companies. Each attack assembles it from published answers and is checked against
 * the true figures computed here from the rows:
 *
 * - the value is *recovered exactly* when the answers pin it to a single candidate (the
 *   attacker's interval, from the table's preimages, holds one integer), or, for the linear
 *   system, when the least-squares estimate rounds to the truth with a 95% interval narrower than
 *   one company;
 * - the true value must lie in the attacker's interval (the table holds end to end), and the
 *   noise must be real: a share of the point estimates must miss.
 *
 * Every attack prints how close it got. Record keys of the bundled dataset are fixed (see the
 * loader), so the figures are the same on every run.
 */
import { MAX_NOISE, perturbCount, preimage, RECORD_KEY_MODULUS } from '@werkgezond/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../test/fuzz/random.js';
import { DEMO, startTestServer, type TestServer } from '../test/harness.js';
import { createKey, research } from '../test/research-client.js';
import { UNITS_SQL } from './research-dimensions.js';

const T = 10;
const COACHING = 'gezondheidscoaches';
let server: TestServer;
let key: string;

interface Unit {
  company: string;
  dims: Record<string, string | null>;
  steps: (string | null)[];
}
let units: Unit[] = [];

beforeAll(async () => {
  server = await startTestServer({ freshDataset: true, research: { budgetPerHour: 1_000_000 } });
  key = (await createKey(server, (await server.signIn(DEMO.admin)).cookie, 'Cell key attacker'))
    .key;
  const day = (c: string) => `to_char(${c} AT TIME ZONE 'Europe/Brussels', 'YYYY-MM-DD')`;
  const raw: Record<string, string | null>[] = await server.dataSource.query(
    `SELECT u.*, ${[1, 2, 3, 4]
      .map(
        (k) =>
          `CASE WHEN a.exit_at IS NULL OR a.stage${k}_at <= a.exit_at THEN ${day(`a.stage${k}_at`)} END AS d${k}`,
      )
      .join(', ')}
       FROM (${UNITS_SQL}) u JOIN application a ON a.id = u.app_id`,
  );
  units = raw.map((r) => ({
    company: r.company_id as string,
    dims: Object.fromEntries(Object.values(FIELD).map((c) => [c, r[c] ?? null])),
    steps: [r.d1, r.d2, r.d3, r.d4] as (string | null)[],
  }));
});
afterAll(() => server.close());

// ---------------------------------------------------------------------------------------------
// The truth and the attacker's arithmetic

/** Filter field (ResearchFilter) and aggregate dimension → the unit column. */
const FIELD: Record<string, string> = {
  programmes: 'programme',
  editionYears: 'edition_year',
  sizeClasses: 'size_class',
  sectors: 'sector',
  provinces: 'province',
  registrationTypes: 'registration_type',
  committee: 'committee',
  PROGRAMME: 'programme',
  EDITION_YEAR: 'edition_year',
  STAGE: 'stage',
  CHANNEL: 'channel',
  SIZE_CLASS: 'size_class',
  SECTOR: 'sector',
  PROVINCE: 'province',
  REGISTRATION_TYPE: 'registration_type',
  COMMITTEE: 'committee',
};
type Filter = Record<string, (string | number | boolean)[]>;

const inFilter = (u: Unit, f: Filter) =>
  Object.entries(f).every(([field, list]) => {
    const v = u.dims[FIELD[field] as string] ?? null;
    return v !== null && list.map(String).includes(v);
  });
const select = (f: Filter, coords: Record<string, string | null> = {}) =>
  units.filter(
    (u) =>
      inFilter(u, f) &&
      Object.entries(coords).every(([d, v]) => (u.dims[FIELD[d] as string] ?? null) === v),
  );
const companies = (list: readonly Unit[]) => new Set(list.map((u) => u.company)).size;
const small = (n: number) => n > 0 && n < T;

/** The attacker's interval for Σ sign · (true value) from published values. */
function interval(terms: readonly { value: number; sign: 1 | -1 }[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const { value, sign } of terms) {
    const pre = preimage(value);
    const [a, b] = [Math.min(...pre), Math.max(...pre)];
    if (sign > 0) {
      lo += a;
      hi += b;
    } else {
      lo -= b;
      hi -= a;
    }
  }
  return [Math.max(0, lo), hi];
}

interface Outcome {
  truth: number;
  estimate: number;
  lo: number;
  hi: number;
}
/** Checks and prints one attack's outcomes; returns them for extra assertions. */
function verdict(name: string, outcomes: readonly Outcome[]) {
  const hits = outcomes.filter((o) => Math.round(o.estimate) === o.truth).length;
  const mae = outcomes.reduce((s, o) => s + Math.abs(o.estimate - o.truth), 0) / outcomes.length;
  const narrowest = Math.min(...outcomes.map((o) => o.hi - o.lo));
  console.log(
    `[cell key attack] ${name}: ${outcomes.length} small targets (1–9 companies); point ` +
      `estimate right ${hits} times (${Math.round((100 * hits) / outcomes.length)}%), mean ` +
      `error ${mae.toFixed(2)}; narrowest interval ${narrowest + 1} candidates; recovered exactly: ` +
      `${outcomes.filter((o) => o.lo === o.hi).length}`,
  );
  for (const o of outcomes) {
    expect(
      o.truth,
      `truth outside the attacker's interval ${o.lo}..${o.hi}`,
    ).toBeGreaterThanOrEqual(o.lo);
    expect(o.truth).toBeLessThanOrEqual(o.hi);
    expect(o.hi - o.lo, `pinned at ${o.lo}`).toBeGreaterThan(0);
  }
  return { hits, mae };
}

// ---------------------------------------------------------------------------------------------
// Asking

interface Cell {
  value: number | null;
  suppressed: boolean;
  reason: string | null;
}
interface Aggregate {
  total: { companies: Cell };
  groups: { values: { dimension: string; key: string | null }[]; companies: Cell }[];
}
const FIELDS = `protection { method maxNoise }
    total { companies { value suppressed reason } }
    groups { values { dimension key } companies { value suppressed reason } }`;

let asked = 0;
/**
 * One request per query (a refused one, POPULATION_TOO_SMALL, answers no data at all, so
 * queries cannot share a request), four at a time; answers keep the order asked.
 */
async function aggregateMany(
  list: readonly { filter: Filter; dims?: string[]; measures?: string[] }[],
) {
  const out: (Aggregate | null)[] = new Array(list.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const i = next++;
      const q = list[i] as { filter: Filter; dims?: string[]; measures?: string[] };
      asked++;
      const res = await research<{ aggregate: Aggregate & { protection: unknown } }>(
        server,
        `query ($m: [AggregateMeasure!]!, $d: [ResearchDimension!], $f: ResearchFilter) {
           aggregate(measures: $m, dimensions: $d, filter: $f) { ${FIELDS} } }`,
        {
          key,
          variables: { m: q.measures ?? ['COMPANIES'], d: q.dims ?? [], f: toInput(q.filter) },
        },
      );
      if (res.errors?.some((e) => e.extensions?.code === 'POPULATION_TOO_SMALL')) continue;
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(res.data!.aggregate.protection).toEqual({ method: 'CELL_KEY', maxNoise: MAX_NOISE });
      out[i] = res.data!.aggregate;
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return out;
}
async function aggregate(filter: Filter, dims: string[] = []): Promise<Aggregate | null> {
  return (await aggregateMany([{ filter, dims }]))[0] ?? null;
}
/** The filter as GraphQL input: edition years are numbers, committee values booleans. */
function toInput(f: Filter) {
  return Object.fromEntries(
    Object.entries(f).map(([k, list]) => [
      k,
      k === 'editionYears'
        ? list.map(Number)
        : k === 'committee'
          ? list.map((v) => String(v) === 'true')
          : list,
    ]),
  );
}
const groupOf = (a: Aggregate, coords: Record<string, string | null>) =>
  a.groups.find((g) => g.values.every((v) => coords[v.dimension] === v.key))?.companies;

/** A deterministic pseudo-random sequence (the fuzz suite's mulberry32), so every run asks the same questions. */
const rng = (seed: number) => {
  const random = new Random(seed);
  return () => random.next();
};
const valuesOf = (column: string, programme: string) =>
  [
    ...new Set(
      units
        .filter((u) => u.dims.programme === programme)
        .map((u) => u.dims[column])
        .filter((v): v is string => v !== null),
    ),
  ].sort();

// ---------------------------------------------------------------------------------------------

describe('cell key attacks', () => {
  it('averaging: the same cell asked 100 ways always shows the same value', async () => {
    const provinces = valuesOf('province', COACHING);
    const [province] = provinces
      .map((p) => [p, select({ programmes: [COACHING], provinces: [p] }).length] as const)
      .sort((a, b) => b[1] - a[1])
      .map(([p]) => p);
    const cell = {
      programmes: [COACHING],
      provinces: [province as string],
      sizeClasses: ['SMALL'],
    };
    const truth = select(cell).length;
    // Ways to write the same population: lists that keep everyone (in any order), the cell as
    // a total under any breakdown, or as a group of a table with one dimension more.
    const everyone = (column: string) =>
      [...new Set(select(cell).map((u) => u.dims[column]))].filter((v): v is string => v !== null);
    const variants: Filter[] = [cell];
    for (const [field, column] of [
      ['registrationTypes', 'registration_type'],
      ['committee', 'committee'],
      ['editionYears', 'edition_year'],
      ['stages', 'stage'],
    ] as const) {
      const list = everyone(column);
      if (select({ ...cell, [field]: list }).length !== truth) continue;
      variants.push({ ...cell, [field]: list }, { ...cell, [field]: [...list].reverse() });
    }
    const others = ['EDITION_YEAR', 'STAGE', 'CHANNEL', 'SECTOR', 'REGISTRATION_TYPE', 'COMMITTEE'];
    const phrasings: {
      filter: Filter;
      dims: string[];
      measures: string[];
      pick: (a: Aggregate) => Cell | undefined;
    }[] = [];
    const total = (a: Aggregate) => a.total.companies;
    const measureSets = [['COMPANIES'], ['APPLICATIONS', 'COMPANIES'], ['COMPANIES', 'SPENDING']];
    for (const v of variants) {
      const { sizeClasses: _s, ...withoutSize } = v;
      const { provinces: _p, ...withoutProvince } = v;
      const { programmes: _g, ...withoutProgramme } = v;
      for (const measures of measureSets) {
        // No breakdown, one, or two in either order (the order changes nothing but the text).
        const dimSets: string[][] = [[]];
        others.forEach((a, i) => {
          dimSets.push([a]);
          for (const b of others.slice(i + 1)) dimSets.push([a, b], [b, a]);
        });
        for (const dims of dimSets) phrasings.push({ filter: v, dims, measures, pick: total });
        phrasings.push(
          {
            filter: withoutSize,
            dims: ['SIZE_CLASS'],
            measures,
            pick: (a) => groupOf(a, { SIZE_CLASS: 'SMALL' }),
          },
          {
            filter: withoutProvince,
            dims: ['PROVINCE'],
            measures,
            pick: (a) => groupOf(a, { PROVINCE: province as string }),
          },
          {
            filter: withoutProgramme,
            dims: ['PROGRAMME'],
            measures,
            pick: (a) => groupOf(a, { PROGRAMME: COACHING }),
          },
        );
      }
    }
    // The base filter's phrasings first: the variants with lists are mostly refused.
    phrasings.splice(121);
    const answers = await aggregateMany(phrasings);
    const shown: number[] = [];
    answers.forEach((a, i) => {
      const c = a ? phrasings[i]?.pick(a) : undefined;
      if (c && !c.suppressed && shown.length < 100) shown.push(c.value as number);
    });
    // And through the funnel: everyone counted reached the first step.
    const res = await research<{ funnel: { steps: { count: Cell }[] } }>(
      server,
      `{ funnel(input: { programmeKey: "${COACHING}", unit: COMPANIES,
           filter: { provinces: ["${province}"], sizeClasses: ["SMALL"] } }) { steps { count { value suppressed reason } } } }`,
      { key },
    );
    const viaFunnel = res.data?.funnel.steps[0]?.count;
    if (viaFunnel && !viaFunnel.suppressed) shown.push(viaFunnel.value as number);
    expect(shown.length).toBeGreaterThanOrEqual(100);
    const average = shown.reduce((s, v) => s + v, 0) / shown.length;
    expect(new Set(shown).size, `answers ${[...new Set(shown)]}`).toBe(1);
    const [lo, hi] = interval([{ value: shown[0] as number, sign: 1 }]);
    console.log(
      `[cell key attack] averaging: ${phrasings.length + 1} phrasings asked, ${shown.length} ` +
        `answers for one cell (true ${truth}), all ` +
        `${shown[0]}; average ${average}, ${hi - lo + 1} candidates left`,
    );
    expect(Math.abs(average - truth)).toBeLessThanOrEqual(MAX_NOISE);
    expect(hi - lo).toBeGreaterThan(0);
  });

  it('differencing chains of 2–4 filter steps give no small number away', async () => {
    const next = rng(15);
    const lists: Record<string, string[]> = {
      provinces: valuesOf('province', COACHING),
      sizeClasses: valuesOf('size_class', COACHING),
      sectors: valuesOf('sector', COACHING).slice(0, 8),
      registrationTypes: valuesOf('registration_type', COACHING),
      committee: valuesOf('committee', COACHING),
    };
    const fields = Object.keys(lists);
    const outcomes: Outcome[] = [];
    const seen = new Set<string>();
    const candidates: { wide: Filter; narrow: Filter; truth: number }[] = [];
    for (let attempt = 0; attempt < 5000 && candidates.length < 40; attempt++) {
      // A wide filter and a narrower one 2–4 steps away (values taken out of its lists).
      const wide: Filter = { programmes: [COACHING] };
      for (const f of fields) {
        if (next() < 0.4) continue;
        const picked = (lists[f] as string[]).filter(() => next() < 0.8);
        if (picked.length > 1) wide[f] = picked;
      }
      const narrow: Filter = JSON.parse(JSON.stringify(wide));
      const steps = 2 + Math.floor(next() * 3);
      const open = Object.keys(wide).filter((f) => f !== 'programmes');
      if (open.length === 0) continue;
      for (let s = 0; s < steps; s++) {
        const f = open[Math.floor(next() * open.length)] as string;
        const list = narrow[f] as string[];
        if (list.length > 1) list.splice(Math.floor(next() * list.length), 1);
      }
      const id = JSON.stringify([wide, narrow]);
      if (seen.has(id)) continue;
      seen.add(id);
      const inWide = select(wide);
      const inNarrow = select(narrow);
      const diff = inWide.filter((u) => !inNarrow.includes(u));
      if (!small(companies(diff))) continue;
      candidates.push({ wide, narrow, truth: diff.length });
    }
    const answers = await aggregateMany(
      candidates.flatMap((c) => [{ filter: c.wide }, { filter: c.narrow }]),
    );
    candidates.forEach((c, i) => {
      const [a, b] = [answers[2 * i], answers[2 * i + 1]];
      if (!a || !b || a.total.companies.suppressed || b.total.companies.suppressed) return;
      const pa = a.total.companies.value as number;
      const pb = b.total.companies.value as number;
      const [lo, hi] = interval([
        { value: pa, sign: 1 },
        { value: pb, sign: -1 },
      ]);
      outcomes.push({ truth: c.truth, estimate: pa - pb, lo, hi });
    });
    console.log(
      `[cell key attack] differencing chains: ${candidates.length} filter pairs 2–4 steps apart ` +
        `that differ by 1–9 companies; both answered for ${outcomes.length}`,
    );
    expect(candidates.length).toBeGreaterThanOrEqual(20);
    if (outcomes.length > 0) {
      const { hits } = verdict('differencing chains', outcomes);
      expect(hits).toBeLessThan(Math.max(1, outcomes.length / 2));
    }
  });

  it('totals minus visible cells give no small number away', async () => {
    const outcomes: Outcome[] = [];
    const tables: [Filter, string[]][] = [
      [{ programmes: [COACHING] }, ['PROVINCE', 'SIZE_CLASS']],
      [{ programmes: [COACHING] }, ['SECTOR']],
      [{ programmes: [COACHING] }, ['CHANNEL', 'EDITION_YEAR']],
      [{ programmes: ['nv-gezond'] }, ['PROVINCE', 'SIZE_CLASS']],
      [{ programmes: ['nv-gezond'] }, ['SECTOR', 'REGISTRATION_TYPE']],
      [{ programmes: ['nv-gezond'] }, ['EDITION_YEAR', 'SIZE_CLASS']],
      [{ programmes: ['nv-gezond'] }, ['PROVINCE', 'COMMITTEE']],
      [{ programmes: [COACHING] }, ['SIZE_CLASS', 'COMMITTEE']],
      [{ programmes: [COACHING] }, ['PROVINCE', 'STAGE']],
      [{ programmes: [COACHING] }, ['SECTOR', 'SIZE_CLASS']],
      [{}, ['PROGRAMME', 'STAGE', 'SIZE_CLASS']],
    ];
    for (const [filter, dims] of tables) {
      const fine = await aggregate(filter, dims);
      if (!fine) continue;
      // The total and every one-dimension margin, minus the published cells under it.
      const margins: { coords: Record<string, string | null>; cell: Cell }[] = [
        { coords: {}, cell: fine.total.companies },
      ];
      for (const d of dims) {
        const m = await aggregate(filter, [d]);
        for (const g of m?.groups ?? []) {
          margins.push({ coords: { [d]: g.values[0]?.key ?? null }, cell: g.companies });
        }
      }
      for (const { coords, cell } of margins) {
        if (cell.suppressed) continue;
        const under = fine.groups.filter((g) =>
          g.values.every((v) => !(v.dimension in coords) || coords[v.dimension] === v.key),
        );
        const hidden = under.filter((g) => g.companies.suppressed);
        if (hidden.length === 0) continue;
        const rest = hidden.flatMap((g) =>
          select(filter, Object.fromEntries(g.values.map((v) => [v.dimension, v.key]))),
        );
        if (!small(companies(rest))) continue;
        const shown = under.filter((g) => !g.companies.suppressed);
        const estimate =
          (cell.value as number) - shown.reduce((s, g) => s + (g.companies.value as number), 0);
        const [lo, hi] = interval([
          { value: cell.value as number, sign: 1 },
          ...shown.map((g) => ({ value: g.companies.value as number, sign: -1 as const })),
        ]);
        outcomes.push({ truth: rest.length, estimate, lo, hi });
      }
    }
    expect(outcomes.length).toBeGreaterThanOrEqual(3);
    const { hits } = verdict('totals minus cells', outcomes);
    expect(hits).toBeLessThan(outcomes.length);
  });

  it('snapshots a month apart give no small change away', async () => {
    const ends: string[] = [];
    for (let y = 2017; y <= 2019; y++) {
      for (let m = 1; m <= 12; m++) {
        const d = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
        if (d >= '2017-11-30' && d <= '2019-07-31') ends.push(d);
      }
    }
    const reached = (u: Unit, k: number, t: string) =>
      u.dims.programme === COACHING && u.steps.slice(k - 1).some((d) => d !== null && d <= t);
    const outcomes: Outcome[] = [];
    const values = new Map<string, (number | null)[]>();
    for (let i = 0; i < ends.length; i += 12) {
      const res = await research<{
        funnelSnapshots: { snapshots: { at: string; steps: { count: Cell }[] }[] };
      }>(
        server,
        `query ($at: [Date!]!) { funnelSnapshots(input: { programmeKey: "${COACHING}", unit: COMPANIES }, at: $at) {
           snapshots { at steps { count { value suppressed reason } } } } }`,
        { key, variables: { at: ends.slice(i, i + 12) } },
      );
      expect(res.errors).toBeUndefined();
      for (const s of res.data!.funnelSnapshots.snapshots) {
        values.set(
          s.at,
          s.steps.map((st) => st.count.value),
        );
      }
    }
    let pairs = 0;
    for (let i = 1; i < ends.length; i++) {
      const [a, b] = [ends[i - 1] as string, ends[i] as string];
      for (let k = 1; k <= 4; k++) {
        const va = values.get(a)?.[k - 1];
        const vb = values.get(b)?.[k - 1];
        if (va == null || vb == null) continue;
        pairs++;
        // A step count is "reached step k or a later one by then" (steps are cumulative).
        const joined = units.filter((u) => reached(u, k, b) && !reached(u, k, a));
        const truth = joined.length;
        if (!small(companies(joined))) continue;
        const [lo, hi] = interval([
          { value: vb, sign: 1 },
          { value: va, sign: -1 },
        ]);
        outcomes.push({ truth, estimate: vb - va, lo, hi });
      }
    }
    console.log(
      `[cell key attack] snapshots: ${pairs} step counts shown at two consecutive month ends, ` +
        `${outcomes.length} of them with a small change in between`,
    );
    expect(pairs).toBeGreaterThan(10);
    if (outcomes.length > 0) verdict('snapshots a month apart', outcomes);
  });

  it('a linear-system attack over a 500-query session recovers no small cell', async () => {
    // Unknowns: companies per province × size class in the coaching programme. Each answer is
    // the total of a filter (a union of these cells) or a published cell; least squares over
    // all of them, as a patient attacker with a budget would.
    const provinces = valuesOf('province', COACHING);
    const sizes = valuesOf('size_class', COACHING);
    const atoms = provinces.flatMap((p) => sizes.map((s) => ({ p, s })));
    const truthOf = atoms.map(
      (a) => select({ programmes: [COACHING], provinces: [a.p], sizeClasses: [a.s] }).length,
    );
    const companiesOf = atoms.map((a) =>
      companies(select({ programmes: [COACHING], provinces: [a.p], sizeClasses: [a.s] })),
    );
    const rows: { x: number[]; y: number }[] = [];
    const next = rng(500);
    const start = asked;
    const full = await aggregate({ programmes: [COACHING] }, ['PROVINCE', 'SIZE_CLASS']);
    for (const g of full?.groups ?? []) {
      if (g.companies.suppressed) continue;
      const p = g.values.find((v) => v.dimension === 'PROVINCE')?.key;
      const s = g.values.find((v) => v.dimension === 'SIZE_CLASS')?.key;
      rows.push({ x: atoms.map((a) => (a.p === p && a.s === s ? 1 : 0)), y: g.companies.value! });
    }
    const session: { ps: string[]; ss: string[] }[] = [];
    while (session.length < 499) {
      const ps = provinces.filter(() => next() < 0.5);
      const ss = sizes.filter(() => next() < 0.5);
      if (ps.length > 0 && ss.length > 0) session.push({ ps, ss });
    }
    const answers = await aggregateMany(
      session.map(({ ps, ss }) => ({
        filter: { programmes: [COACHING], provinces: ps, sizeClasses: ss },
      })),
    );
    let refused = 0;
    answers.forEach((a, i) => {
      const { ps, ss } = session[i] as { ps: string[]; ss: string[] };
      if (!a || a.total.companies.suppressed) {
        refused++;
        return;
      }
      rows.push({
        x: atoms.map((t) => (ps.includes(t.p) && ss.includes(t.s) ? 1 : 0)),
        y: a.total.companies.value as number,
      });
    });
    const { estimate, se } = leastSquares(rows, atoms.length);
    const outcomes: (Outcome & { se: number })[] = [];
    atoms.forEach((_, i) => {
      if (!small(companiesOf[i] as number)) return;
      const e = estimate[i] as number;
      outcomes.push({
        truth: truthOf[i] as number,
        estimate: e,
        se: se[i] as number,
        lo: Math.max(0, Math.ceil(e - 1.96 * (se[i] as number))),
        hi: Math.floor(e + 1.96 * (se[i] as number)),
      });
    });
    const confident = outcomes.filter(
      (o) => Math.round(o.estimate) === o.truth && 1.96 * o.se < 0.5,
    );
    const hits = outcomes.filter((o) => Math.round(o.estimate) === o.truth).length;
    const mae = outcomes.reduce((s, o) => s + Math.abs(o.estimate - o.truth), 0) / outcomes.length;
    console.log(
      `[cell key attack] linear system: ${asked - start} queries (${refused} refused or ` +
        `withheld), ${rows.length} equations, ${atoms.length} unknowns, ${outcomes.length} small ` +
        `cells; estimate rounds to the truth ${hits} times, mean error ${mae.toFixed(2)}, ` +
        `smallest standard error ${Math.min(...outcomes.map((o) => o.se)).toFixed(2)}; ` +
        `recovered with confidence: ${confident.length}`,
    );
    expect(outcomes.length).toBeGreaterThan(0);
    expect(confident).toEqual([]);
  });
});

describe('reAim and the aggregate release the same records with the same noise', () => {
  const REAIM = `query ($p: String!, $y: Int) { reAim(programmeKey: $p, year: $y) {
    protection { method maxNoise } measures { key denominator { value suppressed } } } }`;

  it('applied companies of an edition: equal to the perturbed aggregate COMPANIES cell, not the raw count', async () => {
    const populations = [
      ...[2017, 2018, 2019].map((y) => [COACHING, y] as const),
      ...[2012, 2013, 2014, 2015].map((y) => ['nv-gezond', y] as const),
    ];
    let perturbed = 0;
    let same = 0;
    for (const [programme, year] of populations) {
      const res = await research<{
        reAim: {
          protection: unknown;
          measures: { key: string; denominator: Cell | null }[];
        };
      }>(server, REAIM, { key, variables: { p: programme, y: year } });
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(res.data!.reAim.protection).toEqual({ method: 'CELL_KEY', maxNoise: MAX_NOISE });
      // "participants": companies that took part out of the companies that applied.
      const applied = res.data!.reAim.measures.find((m) => m.key === 'participants')!.denominator!;
      const cell = (await aggregate({ programmes: [programme], editionYears: [String(year)] }))!
        .total.companies;
      // reAim counts distinct companies, the aggregate (application, company) pairs: where each
      // company applied once in the edition, they count the same records with the same key.
      const [truth] = await server.dataSource.query(
        `SELECT count(*)::int AS pairs, count(DISTINCT company_id)::int AS companies,
                (SELECT (sum(o.record_key) % ${RECORD_KEY_MODULUS})::int FROM organisation o
                  WHERE o.id IN (SELECT company_id FROM (${UNITS_SQL}) v
                                  WHERE programme = $1 AND edition_year = $2)) AS key_sum
           FROM (${UNITS_SQL}) u WHERE programme = $1 AND edition_year = $2`,
        [programme, String(year)],
      );
      expect(applied, `${programme} ${year}`).toEqual({
        value: perturbCount(truth.companies, truth.key_sum),
        suppressed: false,
      });
      if (truth.companies === truth.pairs) {
        expect(applied.value, `${programme} ${year}`).toBe(cell.value);
        same++;
      }
      if (applied.value !== truth.companies) perturbed++;
    }
    // The coaching editions (one application per company) are compared with the aggregate.
    expect(same).toBeGreaterThanOrEqual(3);
    // The noise applies to some of them: reAim no longer shows their raw count.
    expect(perturbed).toBeGreaterThan(0);
  });
});

/**
 * Least squares of y ≈ X·v (noise variance 1, as in the perturbation table), with a tiny ridge
 * so unidentified directions stay finite; returns the estimate and each standard error.
 */
function leastSquares(rows: readonly { x: number[]; y: number }[], n: number) {
  const ata = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const aty = new Array<number>(n).fill(0);
  for (const { x, y } of rows) {
    for (let i = 0; i < n; i++) {
      if (!x[i]) continue;
      aty[i] = (aty[i] as number) + y;
      const row = ata[i] as number[];
      for (let j = 0; j < n; j++) if (x[j]) row[j] = (row[j] as number) + 1;
    }
  }
  ata.forEach((row, i) => {
    row[i] = (row[i] as number) + 1e-6;
  });
  const inv = invert(ata);
  const estimate = inv.map((row) => row.reduce((s, v, j) => s + v * (aty[j] as number), 0));
  const se = inv.map((row, i) => Math.sqrt(Math.max(0, row[i] as number)));
  return { estimate, se };
}

function invert(m: number[][]): number[][] {
  const n = m.length;
  const a = m.map((row, i) => {
    const r = new Float64Array(2 * n);
    row.forEach((v, j) => {
      r[j] = v;
    });
    r[n + i] = 1;
    return r;
  });
  const at = (r: number) => a[r] as Float64Array<ArrayBuffer>;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(at(r)[c] ?? 0) > Math.abs(at(p)[c] ?? 0)) p = r;
    [a[c], a[p]] = [at(p), at(c)];
    const row = at(c);
    const pivot = row[c] ?? 1;
    for (let j = 0; j < 2 * n; j++) row[j] = (row[j] ?? 0) / pivot;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const other = at(r);
      const f = other[c] ?? 0;
      if (f === 0) continue;
      for (let j = 0; j < 2 * n; j++) other[j] = (other[j] ?? 0) - f * (row[j] ?? 0);
    }
  }
  return a.map((row) => Array.from(row.slice(n)));
}
