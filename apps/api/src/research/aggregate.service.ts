import {
  CELL_KEY_PROTECTION,
  type CellRelation,
  type LinkedCell,
  type LinkedResult,
  RECORD_KEY_MODULUS,
} from '@werkgezond/domain';
import type { DataSource } from 'typeorm';
import { badInput } from '../graphql/errors.js';
import { allSubsets } from '../semantic/grouping.js';
import type { AggregateAnswer, AggregateGroup, AggregateMeasure } from './aggregate.types.js';
import { amountDominated, protect, toAmountCell, toCountCell } from './cell-protection.js';
import type { DimensionCatalog, DimensionValueInfo } from './dimension-catalog.js';
import { checkPopulation, neighbours } from './population-guard.js';
import {
  COUNT_UNITS_SQL,
  filterSql,
  type ResearchDimension,
  type ResearchFilterValues,
  UNIT_COLUMN,
  UNITS_SQL,
} from './research-dimensions.js';
import { assertFilterSize } from './research-filter.js';

export const MAX_AGGREGATE_DIMENSIONS = 3;

interface Row {
  /** 0: the filter's units; i > 0: the units by which the i-th neighbouring filter differs. */
  set_id: number;
  /** Bit mask of the dimensions aggregated away (d0 = 4, d1 = 2, d2 = 1): 0 for a cell. */
  g: number;
  d0: string | null;
  d1: string | null;
  d2: string | null;
  applications: number;
  companies: number;
  contributors: number;
  /** Sum of the pairs' record keys, modulo the key modulus: the cell key. */
  key_sum: number;
  spent: number | null;
  payers: number | null;
  top1: number | null;
  top2: number | null;
}

const ANY = '*';
const HEADLINE_COST = 1_000_000;
type Coords = (string | null)[];
const keyOf = (coords: readonly (string | null)[]) => JSON.stringify(coords);
const bit = (i: number) => 4 >> i;

interface Entry {
  key: string;
  coords: Coords;
  values: DimensionValueInfo[];
  row: Row | undefined;
}

/**
 * The general aggregate. One SQL statement computes every level of the cube (the cells, each
 * coarser table down to the total: GROUPING SETS over all subsets of the dimensions). Each
 * level is then protected as the answer a query with fewer dimensions would get, coarsest
 * first, and each finer level treats the published cells of every coarser level as known
 * sums: an answer is protected against the totals and margins other queries with the same
 * filter publish, not only against its own.
 */
export class AggregateService {
  constructor(
    private readonly ds: DataSource,
    private readonly catalog: DimensionCatalog,
    private readonly threshold: number,
  ) {}

  async aggregate(
    measures: readonly AggregateMeasure[],
    dimensions: readonly ResearchDimension[],
    filter: ResearchFilterValues,
  ): Promise<AggregateAnswer> {
    if (measures.length === 0) throw badInput('Ask for at least one measure', 'measures');
    if (dimensions.length > MAX_AGGREGATE_DIMENSIONS) {
      throw badInput(`Group by at most ${MAX_AGGREGATE_DIMENSIONS} dimensions`, 'dimensions');
    }
    if (new Set(dimensions).size !== dimensions.length) {
      throw badInput('A dimension appears twice', 'dimensions');
    }
    await this.catalog.ensureLoaded(this.ds);
    assertFilterSize(filter, 'filter');
    this.catalog.validateFilter(filter, 'filter');

    // One statement: the cube of the filter and of every neighbour difference; the population
    // guard reads their totals, the differencing check their cells.
    const list = neighbours(filter);
    const all = await this.query(dimensions, filter, list, measures.includes('SPENDING'));
    const totalMask = dimensions.reduce((m, _, i) => m | bit(i), 0);
    const totalOf = (set: number) =>
      all.find((r) => r.set_id === set && r.g === totalMask)?.contributors ?? 0;
    checkPopulation(
      totalOf(0),
      list.map((_, i) => totalOf(i + 1)),
      list,
      this.threshold,
    );
    const differs = this.differencing(dimensions, all);
    const byKey = new Map<string, Row>();
    for (const row of all) {
      if (row.set_id === 0) byKey.set(this.cellKey(dimensions, row), row);
    }

    const full = dimensions.map((_, i) => i);
    const entriesCache = new Map<number, Entry[]>();
    /** Every possible cell of the table over the kept dimensions (mask: dropped ones). */
    const entries = (mask: number): Entry[] => {
      const cached = entriesCache.get(mask);
      if (cached) return cached;
      let combos: { coords: Coords; values: DimensionValueInfo[] }[] = [{ coords: [], values: [] }];
      for (const i of full) {
        const d = dimensions[i] as ResearchDimension;
        if (mask & bit(i)) {
          combos = combos.map((c) => ({ coords: [...c.coords, ANY], values: c.values }));
          continue;
        }
        const options = this.catalog.values(d, filter);
        combos = combos.flatMap((c) =>
          options.map((v) => ({ coords: [...c.coords, v.key], values: [...c.values, v] })),
        );
      }
      const list = combos
        .filter((c) =>
          this.catalog.possible(
            new Map(
              full
                .filter((i) => !(mask & bit(i)))
                .map((i) => [dimensions[i] as ResearchDimension, c.coords[i] ?? null]),
            ),
          ),
        )
        .map((c) => ({ ...c, key: keyOf(c.coords), row: byKey.get(keyOf(c.coords)) }));
      entriesCache.set(mask, list);
      return list;
    };
    const within = (fine: Coords, coarse: Coords) =>
      coarse.every((v, i) => v === ANY || v === fine[i]);

    const allMask = full.reduce((m, i) => m | bit(i), 0);
    // Coarser levels first: masks with more dropped dimensions (more bits) come first.
    const masks = Array.from({ length: allMask + 1 }, (_, m) => m)
      .filter((m) => (m & allMask) === m)
      .sort((a, b) => popcount(b) - popcount(a));

    const protectAll = (cellOf: (e: Entry) => LinkedCell) => {
      const results = new Map<number, Map<string, LinkedResult>>();
      for (const mask of masks) {
        const cells = entries(mask);
        const relations: CellRelation[] = [];
        // What a coarser level withholds for its own sake (small, dominated, differencing) must
        // not follow from this level's cells either: it joins the problem as a sensitive cell.
        // (A complement withheld there may follow: what it protects is checked here.)
        const coarse: LinkedCell[] = [];
        for (const coarser of masks) {
          // A strictly coarser level: it drops every dimension this one drops, and more.
          if (coarser === mask || (coarser & mask) !== mask) continue;
          const published = results.get(coarser) as Map<string, LinkedResult>;
          for (const c of entries(coarser)) {
            const parts = cells.filter((f) => within(f.coords, c.coords)).map((f) => f.key);
            if (!parts.length) continue;
            const r = published.get(c.key);
            if (!r?.suppressed) {
              relations.push({ parts });
            } else if (r.reason && r.reason !== 'SECONDARY') {
              coarse.push({ ...cellOf(c), published: false, primary: r.reason });
              relations.push({ total: c.key, parts });
            }
          }
        }
        const own = protect([...cells.map(cellOf), ...coarse], relations, this.threshold);
        for (const c of coarse) own.delete(c.key);
        results.set(mask, own);
      }
      return results;
    };

    // Counts: one pattern for applications and companies. It rests on the companies behind
    // each cell, and whether a hidden cell can be solved for depends only on which cells are
    // hidden, so it protects both measures.
    // Complements: the companies *still at* an intermediate funnel step go before exits and
    // totals. The funnel answers publish cumulative steps and exits for the same population and
    // treat what this answer publishes as known (funnel-cube.ts), so withholding such a current
    // step here keeps the funnel's headline numbers (reached step k, left by exit e) publishable.
    const stageAt = dimensions.indexOf('STAGE');
    const counts = protectAll((e) => {
      const value = e.row?.companies ?? 0;
      const stage = stageAt >= 0 ? (e.coords[stageAt] ?? null) : ANY;
      const detail = stage !== ANY && this.catalog.isIntermediateStep(stage);
      return {
        key: e.key,
        value,
        contributors: e.row?.contributors ?? 0,
        ...(detail ? {} : { cost: HEADLINE_COST + value }),
        ...(value > 0 && differs.counts.has(e.key) ? { primary: 'DIFFERENCING' as const } : {}),
      };
    });
    const spending = measures.includes('SPENDING')
      ? protectAll((e) => {
          const spent = Number(e.row?.spent ?? 0);
          const payers = Number(e.row?.payers ?? 0);
          return {
            key: e.key,
            value: spent,
            contributors: payers,
            dominated:
              spent > 0 &&
              amountDominated(Number(e.row?.top1 ?? 0), Number(e.row?.top2 ?? 0), spent, payers),
            ...(spent > 0 && differs.spending.has(e.key)
              ? { primary: 'DIFFERENCING' as const }
              : {}),
          };
        })
      : null;

    const keySum = (e: Entry) => Number(e.row?.key_sum ?? 0);
    const group = (mask: number, e: Entry): AggregateGroup => ({
      values: e.values.map((v, i) => ({
        dimension: dimensions[i] as ResearchDimension,
        key: v.key,
        label: v.label,
      })),
      applications: measures.includes('APPLICATIONS')
        ? toCountCell(counts.get(mask)?.get(e.key), Number(e.row?.applications ?? 0), keySum(e))
        : null,
      companies: measures.includes('COMPANIES')
        ? toCountCell(counts.get(mask)?.get(e.key), Number(e.row?.companies ?? 0), keySum(e))
        : null,
      spending: spending
        ? toAmountCell(spending.get(mask)?.get(e.key), Number(e.row?.spent ?? 0))
        : null,
    });

    const [totalEntry] = entries(allMask);
    return {
      dimensions: [...dimensions],
      measures: [...measures],
      threshold: this.threshold,
      protection: CELL_KEY_PROTECTION,
      total: group(allMask, totalEntry as Entry),
      groups: entries(0).map((e) => group(0, e)),
    };
  }

  private cellKey(dimensions: readonly ResearchDimension[], row: Row): string {
    return keyOf(
      [row.d0, row.d1, row.d2]
        .slice(0, dimensions.length)
        .map((v, i) => (row.g & bit(i) ? ANY : v)),
    );
  }

  /**
   * Cells that differ from the same cell under a neighbouring filter (one list dropped, or one
   * value taken out of a list) by 1 to threshold − 1 companies (counts) or paying companies
   * (spending): the two answers would give those companies away, so the cell is sensitive here
   * (DIFFERENCING). Read from the neighbour sets of the one statement.
   */
  private differencing(
    dimensions: readonly ResearchDimension[],
    rows: readonly Row[],
  ): { counts: Set<string>; spending: Set<string> } {
    const counts = new Set<string>();
    const spending = new Set<string>();
    const small = (n: number | null) => n !== null && n > 0 && n < this.threshold;
    for (const row of rows) {
      if (row.set_id === 0) continue;
      const key = this.cellKey(dimensions, row);
      if (small(row.contributors)) counts.add(key);
      if (small(row.payers)) spending.add(key);
    }
    return { counts, spending };
  }

  /**
   * One statement: counts, and spending when asked (with each cell's two largest companies), per level of
   * the cube, for the filter's units (set 0) and for the units each neighbouring filter differs
   * by (set i); the neighbour sets return only what the guard and the differencing check read.
   */
  private async query(
    dimensions: readonly ResearchDimension[],
    filter: ResearchFilterValues,
    list: readonly { filter: ResearchFilterValues }[],
    spending: boolean,
  ) {
    const params: unknown[] = [];
    const own = filterSql(filter, params, 'relation');
    const sets = [own, ...list.map((n) => `${own} <> ${filterSql(n.filter, params, 'relation')}`)];
    const dims = [0, 1, 2].map((i) =>
      dimensions[i] ? UNIT_COLUMN[dimensions[i] as ResearchDimension] : 'NULL::text',
    );
    const dimList = dims.map((d, i) => `${d} AS d${i}`).join(', ');
    // Every subset of the used dimensions; unused columns are constant NULL and kept in each set.
    const used = dimensions.map((_, i) => `d${i}`);
    const unused = [0, 1, 2].filter((i) => i >= dimensions.length).map((i) => `d${i}`);
    const join = [0, 1, 2].map((i) => `c.d${i} IS NOT DISTINCT FROM s.d${i}`).join(' AND ');
    const totalMask = dimensions.reduce((m, _, i) => m | bit(i), 0);
    const units = `units AS (
        SELECT u.app_id, u.company_id, u.record_key,${spending ? ' u.spend,' : ''} ${dimList}, s.set_id
          FROM (${spending ? UNITS_SQL : COUNT_UNITS_SQL}) u
         CROSS JOIN LATERAL unnest(array_remove(ARRAY[${sets.map((c, i) => `CASE WHEN ${c} THEN ${i} END`).join(', ')}], NULL)) AS s(set_id)
         WHERE ${sets.join(' OR ')}
      )`;
    const counts = `SELECT set_id, grouping(d0, d1, d2)::int AS g, d0, d1, d2,
               -- (the neighbour sets only need their companies)
               count(DISTINCT app_id) FILTER (WHERE set_id = 0)::int AS applications,
               count(*)::int AS companies,
               count(DISTINCT company_id)::int AS contributors,
               (sum(record_key) % ${RECORD_KEY_MODULUS})::int AS key_sum
          FROM units GROUP BY GROUPING SETS (${allSubsets(used, ['set_id', ...unused])})`;
    const keep = `set_id = 0 OR g = ${totalMask} OR contributors < ${this.threshold}`;
    // Without spending the units are scanned once (the CTE is inlined, not materialised). Only
    // the columns counted are carried: narrow rows keep the distinct counts' sorts in memory.
    const sql = !spending
      ? `WITH ${units} SELECT * FROM (${counts}) c WHERE ${keep}`
      : `WITH ${units}, counts AS (${counts}), per_company AS (
        SELECT set_id, grouping(d0, d1, d2)::int AS g, d0, d1, d2, company_id, sum(spend) AS amount
          FROM units WHERE spend > 0
         GROUP BY GROUPING SETS (${allSubsets(used, ['set_id', ...unused, 'company_id'])})
      ), spend AS (
        SELECT set_id, g, d0, d1, d2, sum(amount)::float8 AS spent, count(*)::int AS payers,
               max(amount)::float8 AS top1,
               (array_agg(amount ORDER BY amount DESC))[2]::float8 AS top2
          FROM per_company GROUP BY set_id, g, d0, d1, d2
      )
      SELECT c.*, s.spent, s.payers, s.top1, s.top2
        FROM counts c LEFT JOIN spend s ON s.set_id = c.set_id AND s.g = c.g AND ${join}
       WHERE ${keep.replace(/\b(set_id|g|contributors)\b/g, 'c.$1')} OR s.payers < ${this.threshold}`;
    return (await this.ds.query(sql, params)) as Row[];
  }
}

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
}
