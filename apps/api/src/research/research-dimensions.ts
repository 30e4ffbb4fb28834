import { DIMENSION_SQL, type Dimension } from '../semantic/dimensions.js';
import { metricSql } from '../semantic/measures.js';
import { filterCondition, joinsFor, unitFrom } from '../semantic/units.js';

/**
 * The dimensions researchers group and filter by, as SQL over one row per (application,
 * company) pair: an individual registration is one pair, a group registration one pair per
 * company it represents. Company attributes are the counted company's own. Drafts (no step
 * reached) are not counted. Month is the finest date the research API knows.
 */
export const RESEARCH_DIMENSIONS = [
  'PROGRAMME',
  'EDITION_YEAR',
  'STAGE',
  'CHANNEL',
  'SIZE_CLASS',
  'SECTOR',
  'PROVINCE',
  'REGISTRATION_TYPE',
  'COMMITTEE',
] as const;
export type ResearchDimension = (typeof RESEARCH_DIMENSIONS)[number];

/**
 * Each research dimension is a dimension of the semantic layer (semantic/dimensions.ts), under
 * its own public name where the research schema chose another.
 */
const RENAMED: Partial<Record<ResearchDimension, Dimension>> = {
  COMMITTEE: 'HAS_PREVENTION_COMMITTEE',
};
/** Compile-time check: every research dimension not renamed is a semantic dimension. */
type Unknown = Exclude<Exclude<ResearchDimension, 'COMMITTEE'>, Dimension>;
const everyDimensionKnown: [Unknown] extends [never] ? true : never = true;
void everyDimensionKnown;
const byDimension = <T>(f: (d: ResearchDimension) => T) =>
  Object.fromEntries(RESEARCH_DIMENSIONS.map((d) => [d, f(d)])) as Readonly<
    Record<ResearchDimension, T>
  >;
export const SEMANTIC_DIMENSION = byDimension((d) => RENAMED[d] ?? (d as Dimension));

/** Column of the units relation holding each dimension's value as text (null = unknown). */
export const UNIT_COLUMN = byDimension((d) => d.toLowerCase());

/** The research units' FROM clause: the semantic COMPANIES units with every research join. */
export const researchUnitFrom = (spend = false) =>
  unitFrom({
    unit: 'COMPANIES',
    ...joinsFor(RESEARCH_DIMENSIONS.map((d) => SEMANTIC_DIMENSION[d])),
    org: true,
    spend,
  });

/** The research dimensions' values as columns named by UNIT_COLUMN. */
export const researchDimensionColumns = () =>
  RESEARCH_DIMENSIONS.map((d) => `${DIMENSION_SQL[SEMANTIC_DIMENSION[d]]} AS ${UNIT_COLUMN[d]}`);

/** A research dimension's SQL over the semantic units. */
export const researchSql = (d: ResearchDimension) => DIMENSION_SQL[SEMANTIC_DIMENSION[d]];

/**
 * A filter as one condition (lists bound into `params`; an unknown value matches no list),
 * over the semantic units (default) or over the columns of the UNITS_SQL relation (`UNIT_COLUMN`).
 */
export function filterSql(
  filter: ResearchFilterValues,
  params: unknown[],
  over: 'units' | 'relation' = 'units',
): string {
  const parts = RESEARCH_DIMENSIONS.filter((d) => filter[d]?.length).map((d) => {
    params.push(filter[d]);
    const at = `$${params.length}`;
    const condition =
      over === 'units'
        ? filterCondition(SEMANTIC_DIMENSION[d], at)
        : `${UNIT_COLUMN[d]} = ANY(${at}::text[])`;
    return `COALESCE(${condition}, false)`;
  });
  return parts.length ? `(${parts.join(' AND ')})` : 'TRUE';
}

/** Drafts (no step reached) are not counted. */
export const COUNTED = metricSql(1, null).reached(1);

/**
 * One row per counted (application, company) pair with every dimension and the company's
 * record key (cell key perturbation: a cell's key is the sum over its pairs): the semantic
 * layer's COMPANIES units, as the relation the aggregate and the guard count. With `spend`, also
 * the application's linked spending (coach fees of the trajectory) shared equally over its
 * companies (a window over the application: only where spending is asked for).
 */
export function unitsSql(spend: boolean): string {
  const units = researchUnitFrom(spend);
  return `
SELECT a.id AS app_id, o.id AS company_id, o.record_key AS record_key,
       ${researchDimensionColumns().join(',\n       ')}${
         spend
           ? ',\n       COALESCE(x.spent, 0)::float8 / count(*) OVER (PARTITION BY a.id) AS spend'
           : ''
       }
  FROM ${units.from}
 WHERE ${[COUNTED, ...units.where].join(' AND ')}`;
}

/** The units with their spending (see unitsSql). */
export const UNITS_SQL = unitsSql(true);
/** The units for counting only. */
export const COUNT_UNITS_SQL = unitsSql(false);

/** Filter lists per dimension (text values as UNIT_COLUMN holds them); absent = everything. */
export type ResearchFilterValues = Partial<Record<ResearchDimension, string[]>>;

export const SIZE_CLASS_KEYS = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'] as const;
export const REGISTRATION_TYPE_KEYS = ['INDIVIDUAL', 'GROUP'] as const;
export const NACE_SECTION_KEYS = 'ABCDEFGHIJKLMNOPQRSTU'.split('');
