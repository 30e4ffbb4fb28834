import type { DataSource } from 'typeorm';
import { dayStart } from '../../database/sql.js';
import { badInput, forbidden } from '../../graphql/errors.js';
import { canReadAnalytics, type Viewer } from '../../graphql/policy.js';
import { loadProgramme } from './scope.js';

export interface BudgetSourceData {
  key: string;
  name: string;
  allocatedCents: number;
  spentCents: number;
}

export interface BudgetCategoryData {
  category: string;
  spentCents: number;
  /** Share of the period's spending. */
  share: number | null;
}

export interface BudgetYearData {
  /** Null: allocations for the whole programme rather than a year. */
  year: number | null;
  allocatedCents: number;
  spentCents: number;
}

export interface BudgetAllocationData {
  id: string;
  editionId: string | null;
  sourceKey: string;
  sourceName: string;
  year: number | null;
  amountCents: number;
  description: string;
}

export interface StageCostData {
  stage: string;
  label: string;
  /** Counting units that reached the step in the period (the calendar year, or ever). */
  count: number;
  /** Spending in the period divided by that count; null when nothing reached it. */
  costCents: number | null;
}

export interface BudgetData {
  programmeKey: string;
  /** Null: the whole programme. */
  year: number | null;
  /** Allocated for the year (by budget year or edition); with no year, every allocation. */
  allocatedCents: number;
  spentCents: number;
  /** Through the end of the year: allocations of that year or earlier, or for the whole programme. */
  allocatedToDateCents: number;
  spentToDateCents: number;
  /** allocatedToDate − spentToDate. */
  remainingCents: number;
  /** spentToDate / allocatedToDate; null without allocation. */
  utilisation: number | null;
  bySource: BudgetSourceData[];
  byCategory: BudgetCategoryData[];
  byYear: BudgetYearData[];
  allocations: BudgetAllocationData[];
  costPerStage: StageCostData[];
}

/** Money in one statement (bigint sums as text: exact in JS up to 2^53 cents). */
export const BUDGET_SQL = `
WITH alloc AS (
  SELECT b.id, b.edition_id, b.amount_cents, COALESCE(b.year, e.year) AS year, b.description, s.key AS source, s.name AS source_name
    FROM budget_allocation b
    JOIN funding_source s ON s.id = b.funding_source_id
    LEFT JOIN edition e ON e.id = b.edition_id
   WHERE b.programme_id = $1
), spend AS (
  SELECT x.amount_cents, x.category::text AS category, x.spent_on,
         extract(year FROM x.spent_on)::int AS year,
         COALESCE(s.key, 'unknown') AS source, COALESCE(s.name, 'Onbekend') AS source_name
    FROM expenditure x
    LEFT JOIN funding_source s ON s.id = x.funding_source_id
   WHERE x.programme_id = $1
), a_in AS (SELECT * FROM alloc WHERE $2::int IS NULL OR year = $2),
   a_to AS (SELECT * FROM alloc WHERE $2::int IS NULL OR year IS NULL OR year <= $2),
   s_in AS (SELECT * FROM spend WHERE $2::int IS NULL OR year = $2),
   s_to AS (SELECT * FROM spend WHERE $2::int IS NULL OR year <= $2)
SELECT
  (SELECT COALESCE(sum(amount_cents), 0) FROM a_in)::text AS allocated,
  (SELECT COALESCE(sum(amount_cents), 0) FROM s_in)::text AS spent,
  (SELECT COALESCE(sum(amount_cents), 0) FROM a_to)::text AS allocated_to_date,
  (SELECT COALESCE(sum(amount_cents), 0) FROM s_to)::text AS spent_to_date,
  (SELECT COALESCE(json_agg(json_build_object('category', category, 'cents', cents) ORDER BY cents DESC, category), '[]')
     FROM (SELECT category, sum(amount_cents) AS cents FROM s_in GROUP BY category) c) AS by_category,
  (SELECT COALESCE(json_agg(json_build_object('key', source, 'name', name, 'allocated', allocated, 'spent', spent)
                   ORDER BY source), '[]')
     FROM (SELECT source, max(source_name) AS name, sum(a) AS allocated, sum(s) AS spent
             FROM (SELECT source, source_name, amount_cents AS a, 0 AS s FROM a_in
                   UNION ALL SELECT source, source_name, 0, amount_cents FROM s_in) m
            GROUP BY source) x) AS by_source,
  (SELECT COALESCE(json_agg(json_build_object('year', year, 'allocated', allocated, 'spent', spent)
                   ORDER BY year NULLS FIRST), '[]')
     FROM (SELECT year, sum(a) AS allocated, sum(s) AS spent
             FROM (SELECT year, amount_cents AS a, 0 AS s FROM a_to
                   UNION ALL SELECT year, 0, amount_cents FROM s_to) m
            GROUP BY year) y) AS by_year,
  (SELECT COALESCE(json_agg(json_build_object('id', id, 'editionId', edition_id, 'source', source,
                   'sourceName', source_name, 'year', year,
                   'amountCents', amount_cents, 'description', description) ORDER BY year NULLS FIRST, source), '[]')
     FROM a_in) AS allocations`;

/** Units (applications) that reached each step in the calendar year, or ever. */
export const STAGE_REACH_SQL = `
SELECT ${[1, 2, 3, 4]
  .map(
    (k) =>
      `count(*) FILTER (WHERE a.stage${k}_at IS NOT NULL AND ($2::int IS NULL OR (a.stage${k}_at >= ${dayStart(
        'make_date($2::int, 1, 1)',
      )} AND a.stage${k}_at < ${dayStart('make_date($2::int + 1, 1, 1)')})))::int AS n${k}`,
  )
  .join(',\n       ')}
  FROM application a WHERE a.programme_id = $1`;

interface MoneyRow {
  allocated: string;
  spent: string;
  allocated_to_date: string;
  spent_to_date: string;
  by_category: { category: string; cents: number | string }[];
  by_source: { key: string; name: string; allocated: number | string; spent: number | string }[];
  by_year: { year: number | null; allocated: number | string; spent: number | string }[];
  allocations: {
    id: string;
    editionId: string | null;
    source: string;
    sourceName: string;
    year: number | null;
    amountCents: number | string;
    description: string;
  }[];
}

/** Allocated, spent, remaining and cost per stage for a programme, for one year or all. */
export class BudgetService {
  constructor(private readonly ds: DataSource) {}

  /** With a viewer: analysts read every programme, a programme manager only their own. */
  async budget(programmeKey: string, year?: number | null, viewer?: Viewer): Promise<BudgetData> {
    if (year != null && (!Number.isInteger(year) || year < 1990 || year > 2100)) {
      throw badInput('year must be a calendar year (1990–2100)', 'year');
    }
    const programme = await loadProgramme(this.ds, programmeKey, 'programmeKey');
    if (viewer && !canReadAnalytics(viewer) && !viewer.programmeIds.includes(programme.id))
      throw forbidden();
    const y = year ?? null;
    const [[money], [reach]] = await Promise.all([
      this.ds.query(BUDGET_SQL, [programme.id, y]) as Promise<MoneyRow[]>,
      this.ds.query(STAGE_REACH_SQL, [programme.id, y]) as Promise<Record<string, number>[]>,
    ]);
    if (!money || !reach) throw new Error('budget query returned no row');
    const spentCents = Number(money.spent);
    const allocatedToDate = Number(money.allocated_to_date);
    const spentToDate = Number(money.spent_to_date);
    return {
      programmeKey: programme.key,
      year: y,
      allocatedCents: Number(money.allocated),
      spentCents,
      allocatedToDateCents: allocatedToDate,
      spentToDateCents: spentToDate,
      remainingCents: allocatedToDate - spentToDate,
      utilisation: allocatedToDate > 0 ? spentToDate / allocatedToDate : null,
      bySource: money.by_source.map((s) => ({
        key: s.key,
        name: s.name,
        allocatedCents: Number(s.allocated),
        spentCents: Number(s.spent),
      })),
      byCategory: money.by_category.map((c) => ({
        category: c.category,
        spentCents: Number(c.cents),
        share: spentCents > 0 ? Number(c.cents) / spentCents : null,
      })),
      byYear: money.by_year.map((r) => ({
        year: r.year,
        allocatedCents: Number(r.allocated),
        spentCents: Number(r.spent),
      })),
      allocations: money.allocations.map((a) => ({
        id: a.id,
        editionId: a.editionId,
        sourceKey: a.source,
        sourceName: a.sourceName,
        year: a.year,
        amountCents: Number(a.amountCents),
        description: a.description,
      })),
      costPerStage: programme.steps.map((s) => {
        const count = reach[`n${s.position}`] ?? 0;
        return {
          stage: s.key,
          label: s.label,
          count,
          costCents: count > 0 ? Math.round(spentCents / count) : null,
        };
      }),
    };
  }
}
