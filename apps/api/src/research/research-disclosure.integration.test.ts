/**
 * The research API under attack. Each test plays a researcher who wants a number about fewer
 * than 10 companies and checks, against the true figures in the database, that none leaks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../test/harness.js';
import { createKey, research } from '../test/research-client.js';
import { type ResearchDimension, UNIT_COLUMN, UNITS_SQL } from './research-dimensions.js';

const T = 10;
let server: TestServer;
let key: string;

beforeAll(async () => {
  server = await startTestServer({ freshDataset: true });
  // A key of its own: these tests ask many questions.
  key = (await createKey(server, (await server.signIn(DEMO.admin)).cookie, 'Attacker tests')).key;
});
afterAll(() => server.close());

interface Cell {
  value: number | null;
  suppressed: boolean;
  reason: string | null;
}
interface Group {
  values: { dimension: string; key: string | null }[];
  companies: Cell;
  applications: Cell;
}
interface Answer {
  total: Group;
  groups: Group[];
}

async function ask(dimensions: ResearchDimension[], filter: Record<string, unknown> = {}) {
  const res = await research<{ aggregate: Answer }>(
    server,
    `query ($d: [ResearchDimension!]!, $f: ResearchFilter) {
       aggregate(measures: [APPLICATIONS, COMPANIES], dimensions: $d, filter: $f) {
         total { values { dimension key } companies { value suppressed reason } applications { value suppressed reason } }
         groups { values { dimension key } companies { value suppressed reason } applications { value suppressed reason } }
       } }`,
    { key, variables: { d: dimensions, f: filter } },
  );
  return res;
}

/** True distinct companies per cell of these dimensions, straight from the database. */
async function truth(dimensions: ResearchDimension[]) {
  const cols = dimensions.map((d) => UNIT_COLUMN[d]);
  const rows: { k: (string | null)[]; n: number }[] = await server.dataSource.query(
    `SELECT json_build_array(${cols.join(', ')}) AS k, count(DISTINCT company_id)::int AS n
       FROM (${UNITS_SQL}) u GROUP BY ${cols.join(', ')}`,
  );
  return new Map(rows.map((r) => [JSON.stringify(r.k), r.n]));
}
const cellKey = (g: Group) => JSON.stringify(g.values.map((v) => v.key));

/** Exact rank test over hidden cells (BigInt elimination, independent of the server's code). */
function rank(matrix: bigint[][]): number {
  const m = matrix.map((r) => [...r]);
  let r = 0;
  for (let c = 0; c < (m[0]?.length ?? 0) && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i]![c] === 0n) continue;
      const a = m[r]![c]!;
      const b = m[i]![c]!;
      m[i] = m[i]!.map((v, k) => v * a - m[r]![k]! * b);
    }
    r++;
  }
  return r;
}

/**
 * Attacker with everything the API publishes for these dimensions and every coarser set of
 * them: each visible coarser cell is a known sum of fine cells. Returns the hidden fine cells
 * with 1..9 companies that the equations pin down.
 */
async function pinnedSmallCells(dims: ResearchDimension[]) {
  const fine = await ask(dims);
  expect(fine.errors).toBeUndefined();
  const groups = fine.data!.aggregate.groups;
  const hidden = groups.filter((g) => g.companies.suppressed);
  const col = new Map(hidden.map((g, j) => [cellKey(g), j]));
  const rows: bigint[][] = [];
  const subsets = Array.from({ length: (1 << dims.length) - 1 }, (_, m) =>
    dims.filter((_, i) => m & (1 << i)),
  );
  for (const sub of subsets) {
    const coarse = await ask(sub);
    const answerGroups = sub.length
      ? coarse.data!.aggregate.groups
      : [coarse.data!.aggregate.total];
    for (const c of answerGroups) {
      if (c.companies.suppressed) continue;
      const row = hidden.map(() => 0n);
      for (const g of hidden) {
        const inside = c.values.every(
          (v) => g.values.find((x) => x.dimension === v.dimension)?.key === v.key,
        );
        if (inside) row[col.get(cellKey(g))!] = 1n;
      }
      if (row.some((v) => v !== 0n)) rows.push(row);
    }
  }
  const real = await truth(dims);
  const base = rows.length ? rank(rows) : 0;
  return hidden
    .filter((g) => {
      const n = real.get(cellKey(g)) ?? 0;
      return n > 0 && n < T;
    })
    .filter((g) => {
      const unit = hidden.map((_, i) => (i === col.get(cellKey(g)) ? 1n : 0n));
      return rank([...rows, unit]) === base;
    })
    .map((g) => cellKey(g));
}

describe('attacker: small cells', () => {
  it.each([
    [['PROVINCE', 'SIZE_CLASS']],
    [['SECTOR', 'PROGRAMME']],
    [['CHANNEL', 'STAGE', 'PROGRAMME']],
    [['PROVINCE', 'SIZE_CLASS', 'COMMITTEE']],
  ] as ResearchDimension[][][])('%j: no visible cell rests on 1..9 companies', async (dims) => {
    const res = await ask(dims);
    expect(res.errors).toBeUndefined();
    const real = await truth(dims);
    let small = 0;
    for (const g of res.data!.aggregate.groups) {
      const n = real.get(cellKey(g)) ?? 0;
      if (n > 0 && n < T) {
        small++;
        expect(g.companies, cellKey(g)).toMatchObject({
          value: null,
          suppressed: true,
          reason: 'FREQUENCY',
        });
        expect(g.applications.value).toBeNull();
      }
      if (!g.companies.suppressed) expect(n === 0 || n >= T).toBe(true);
    }
    expect(small).toBeGreaterThan(0); // the data does hold small cells here
  });
});

describe('attacker: totals and margins minus visible cells', () => {
  it.each([
    [['PROGRAMME', 'STAGE']],
    [['PROVINCE', 'SIZE_CLASS']],
    [['EDITION_YEAR', 'REGISTRATION_TYPE']],
    [['SIZE_CLASS', 'COMMITTEE', 'PROGRAMME']],
  ] as ResearchDimension[][][])(
    '%j with every coarser answer: no small hidden cell can be solved for',
    async (dims) => {
      expect(await pinnedSmallCells(dims)).toEqual([]);
    },
  );
});

describe('attacker: two overlapping filters (differencing)', () => {
  it('never answers two filters one step apart whose difference is 1..9 companies', async () => {
    const provinces = (await server.dataSource.query(
      `SELECT DISTINCT province FROM (${UNITS_SQL}) u WHERE province IS NOT NULL ORDER BY 1`,
    )) as { province: string }[];
    const sizes = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'];
    const totals = new Map<string, number>();
    let refused = 0;
    // Every province with every set of size classes, and without a size list.
    for (const { province } of provinces) {
      for (let mask = 0; mask < 16; mask++) {
        const list = sizes.filter((_, i) => mask & (1 << i));
        const filter = { provinces: [province], ...(list.length ? { sizeClasses: list } : {}) };
        const res = await ask([], filter);
        if (res.errors) {
          expect(res.errors[0]?.extensions?.code).toBe('POPULATION_TOO_SMALL');
          expect(res.data?.aggregate ?? null).toBeNull();
          refused++;
          continue;
        }
        const total = res.data!.aggregate.total.companies.value;
        if (total !== null) totals.set(`${province}|${list.join(',')}`, total);
      }
    }
    expect(refused).toBeGreaterThan(0);
    // The attacker subtracts any two answers that differ by one size class, or by the size list.
    for (const [a, ta] of totals) {
      for (const [b, tb] of totals) {
        const [pa, la] = a.split('|');
        const [pb, lb] = b.split('|');
        if (pa !== pb || a === b) continue;
        const A = new Set(la ? la.split(',') : sizes.concat('UNKNOWN'));
        const B = new Set(lb ? lb.split(',') : sizes.concat('UNKNOWN'));
        const oneStep = [...B].every((s) => A.has(s)) && A.size - B.size === 1;
        const dropped = !la && !!lb;
        if (!oneStep && !dropped) continue;
        const difference = ta - tb;
        expect(difference === 0 || difference >= T, `${a} − ${b} = ${difference}`).toBe(true);
      }
    }
  });

  it('refuses the narrower of two filters when one province separates fewer than 10 companies', async () => {
    const [row] = (await server.dataSource.query(
      `SELECT province, count(DISTINCT company_id)::int AS n FROM (${UNITS_SQL}) u
        WHERE size_class = 'LARGE' AND province IS NOT NULL GROUP BY province
       HAVING count(DISTINCT company_id) BETWEEN 1 AND 9 ORDER BY 2 LIMIT 1`,
    )) as { province: string; n: number }[];
    expect(row).toBeDefined();
    const all = (await server.dataSource.query(
      `SELECT DISTINCT province FROM (${UNITS_SQL}) u WHERE province IS NOT NULL`,
    )) as { province: string }[];
    const others = all.map((p) => p.province).filter((p) => p !== row!.province);
    const wide = await ask([], { sizeClasses: ['LARGE'], provinces: [...others, row!.province] });
    const narrow = await ask([], { sizeClasses: ['LARGE'], provinces: others });
    const answered = [wide, narrow].filter((r) => !r.errors);
    expect(answered.length).toBeLessThan(2);
    for (const r of [wide, narrow].filter((x) => x.errors)) {
      expect(r.errors![0]!.extensions!.code).toBe('POPULATION_TOO_SMALL');
    }
  });
});

describe('attacker: breakdowns that isolate one company', () => {
  it('a company alone in its province, size class and sector is never shown, by filter or by breakdown', async () => {
    const [lonely] = (await server.dataSource.query(
      `SELECT province, size_class, sector FROM (${UNITS_SQL}) u
        WHERE province IS NOT NULL AND size_class IS NOT NULL AND sector IS NOT NULL
        GROUP BY 1, 2, 3 HAVING count(DISTINCT company_id) = 1 LIMIT 1`,
    )) as { province: string; size_class: string; sector: string }[];
    expect(lonely).toBeDefined();
    const filtered = await ask([], {
      provinces: [lonely!.province],
      sizeClasses: [lonely!.size_class],
      sectors: [lonely!.sector],
    });
    expect(filtered.errors?.[0]?.extensions?.code).toBe('POPULATION_TOO_SMALL');
    expect(filtered.data?.aggregate ?? null).toBeNull();

    const broken = await ask(['PROVINCE', 'SIZE_CLASS', 'SECTOR']);
    const cell = broken.data!.aggregate.groups.find(
      (g) => cellKey(g) === JSON.stringify([lonely!.province, lonely!.size_class, lonely!.sector]),
    )!;
    expect(cell.companies).toEqual({ value: null, suppressed: true, reason: 'FREQUENCY' });
    expect(cell.applications.value).toBeNull();
  });

  it('a narrow filter plus a breakdown does not bring a single company back either', async () => {
    const res = await ask(['SECTOR'], { sizeClasses: ['MEDIUM'] });
    if (res.errors) {
      expect(res.errors[0]?.extensions?.code).toBe('POPULATION_TOO_SMALL');
      return;
    }
    const real = new Map(
      (
        (await server.dataSource.query(
          `SELECT sector, count(DISTINCT company_id)::int AS n FROM (${UNITS_SQL}) u
          WHERE size_class = 'MEDIUM' GROUP BY sector`,
        )) as { sector: string | null; n: number }[]
      ).map((r) => [r.sector, r.n]),
    );
    for (const g of res.data!.aggregate.groups) {
      const n = real.get(g.values[0]!.key) ?? 0;
      if (n > 0 && n < T) expect(g.companies.suppressed).toBe(true);
    }
  });
});
