import { crossTableRelations, type LinkedCell } from '@werkgezond/domain';
import type { DataSource } from 'typeorm';
import { badInput } from '../graphql/errors.js';
import type { AggregateAnswer, AggregateGroup, AggregateMeasure } from './aggregate.types.js';
import { amountDominated, protect, toAmountCell, toCountCell } from './cell-protection.js';
import type { DimensionCatalog, DimensionValueInfo } from './dimension-catalog.js';
import { assertPopulation } from './population-guard.js';
import {
  RESEARCH_DIMENSIONS,
  type ResearchDimension,
  type ResearchFilterValues,
  UNIT_COLUMN,
  UNITS_SQL,
  unitCondition,
} from './research-dimensions.js';
import { assertFilterSize } from './research-filter.js';

export const MAX_AGGREGATE_DIMENSIONS = 3;

interface Row {
  total_row: boolean;
  d0: string | null;
  d1: string | null;
  d2: string | null;
  applications: number;
  companies: number;
  contributors: number;
  spent: number | null;
  payers: number | null;
  top1: number | null;
  top2: number | null;
}

const TOTAL_KEY = 'total';
const cellKey = (values: readonly (string | null)[]) => JSON.stringify(values);

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
    await assertPopulation(this.ds, filter, this.threshold);

    const rows = await this.query(dimensions, filter);
    const byKey = new Map<string, Row>();
    let totalRow: Row | undefined;
    for (const row of rows) {
      if (row.total_row) totalRow = row;
      else byKey.set(cellKey([row.d0, row.d1, row.d2].slice(0, dimensions.length)), row);
    }

    // The complete table, zero cells included, in catalogue order.
    let combos: DimensionValueInfo[][] = [[]];
    for (const d of dimensions) {
      const values = this.catalog.values(d, filter);
      combos = combos.flatMap((combo) => values.map((v) => [...combo, v]));
    }
    const entries = combos.map((combo) => {
      const keys = combo.map((v) => v.key);
      return { combo, key: cellKey(keys), row: byKey.get(cellKey(keys)) };
    });
    const empty: Row = {
      total_row: false,
      d0: null,
      d1: null,
      d2: null,
      applications: 0,
      companies: 0,
      contributors: 0,
      spent: 0,
      payers: 0,
      top1: 0,
      top2: 0,
    };
    const total = totalRow ?? { ...empty, total_row: true };

    const relations = [
      ...(dimensions.length
        ? crossTableRelations(entries.map((e) => ({ key: e.key, coordinates: e.combo.map((v) => v.key) })))
        : []),
      { total: TOTAL_KEY, parts: entries.map((e) => e.key) },
    ];

    // One pattern for both counts: it rests on the companies behind each cell (contributors),
    // and determinedness depends only on which cells are hidden, so it protects both measures.
    const countCells: LinkedCell[] = [
      ...entries.map((e) => ({
        key: e.key,
        value: e.row?.companies ?? 0,
        contributors: e.row?.contributors ?? 0,
      })),
      { key: TOTAL_KEY, value: total.companies, contributors: total.contributors },
    ];
    const counts = protect(countCells, relations, this.threshold);

    const spendCell = (key: string, r: Row | undefined): LinkedCell => {
      const spent = Number(r?.spent ?? 0);
      const payers = Number(r?.payers ?? 0);
      return {
        key,
        value: spent,
        contributors: payers,
        dominated: spent > 0 && amountDominated(Number(r?.top1 ?? 0), Number(r?.top2 ?? 0), spent, payers),
      };
    };
    const spending = measures.includes('SPENDING')
      ? protect(
          [...entries.map((e) => spendCell(e.key, e.row)), spendCell(TOTAL_KEY, total)],
          relations,
          this.threshold,
        )
      : null;

    const group = (key: string, values: AggregateGroup['values'], r: Row | undefined) => ({
      values,
      applications: measures.includes('APPLICATIONS')
        ? toCountCell(counts.get(key), Number(r?.applications ?? 0))
        : null,
      companies: measures.includes('COMPANIES')
        ? toCountCell(counts.get(key), Number(r?.companies ?? 0))
        : null,
      spending: spending ? toAmountCell(spending.get(key), Number(r?.spent ?? 0)) : null,
    });

    return {
      dimensions: [...dimensions],
      measures: [...measures],
      threshold: this.threshold,
      total: group(TOTAL_KEY, [], total),
      groups: entries.map((e) =>
        group(
          e.key,
          e.combo.map((v, i) => ({ dimension: dimensions[i] as ResearchDimension, key: v.key, label: v.label })),
          e.row,
        ),
      ),
    };
  }

  /** One statement: the cells and the total (GROUPING SETS), counts and spending with its top two. */
  private async query(dimensions: readonly ResearchDimension[], filter: ResearchFilterValues) {
    const params: unknown[] = [];
    const where = RESEARCH_DIMENSIONS.filter((d) => filter[d]?.length).map((d) => {
      params.push(filter[d]);
      return unitCondition(d, `$${params.length}`);
    });
    const dims = [0, 1, 2].map((i) =>
      dimensions[i] ? UNIT_COLUMN[dimensions[i] as ResearchDimension] : 'NULL::text',
    );
    const dimList = dims.map((d, i) => `${d} AS d${i}`).join(', ');
    const join = [0, 1, 2].map((i) => `c.d${i} IS NOT DISTINCT FROM s.d${i}`).join(' AND ');
    const spendStats = `sum(amount)::float8 AS spent, count(*)::int AS payers,
        max(amount)::float8 AS top1, (array_agg(amount ORDER BY amount DESC))[2]::float8 AS top2`;
    const sql = `
      WITH units AS (
        SELECT u.*, ${dimList} FROM (${UNITS_SQL}) u
         WHERE ${where.length ? where.join(' AND ') : 'TRUE'}
      ), counts AS (
        SELECT grouping(d0, d1, d2) > 0 AS total_row, d0, d1, d2,
               count(DISTINCT app_id)::int AS applications,
               count(*)::int AS companies,
               count(DISTINCT company_id)::int AS contributors
          FROM units GROUP BY GROUPING SETS ((d0, d1, d2), ())
      ), per_company AS (
        SELECT d0, d1, d2, company_id, sum(spend) AS amount
          FROM units WHERE spend > 0 GROUP BY d0, d1, d2, company_id
      ), per_company_total AS (
        SELECT company_id, sum(spend) AS amount FROM units WHERE spend > 0 GROUP BY company_id
      ), spend AS (
        SELECT false AS total_row, d0, d1, d2, ${spendStats} FROM per_company GROUP BY d0, d1, d2
        UNION ALL
        SELECT true, NULL, NULL, NULL, ${spendStats} FROM per_company_total
      )
      SELECT c.*, s.spent, s.payers, s.top1, s.top2
        FROM counts c LEFT JOIN spend s ON s.total_row = c.total_row AND ${join}`;
    return (await this.ds.query(sql, params)) as Row[];
  }
}
