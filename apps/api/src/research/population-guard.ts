import type { DataSource } from 'typeorm';
import { userError } from '../graphql/errors.js';
import {
  RESEARCH_DIMENSIONS,
  type ResearchDimension,
  type ResearchFilterValues,
  UNITS_SQL,
  unitCondition,
} from './research-dimensions.js';

/**
 * Differencing defence (query-set-size control). An answer is refused when its filtered
 * population, or the set of companies by which it differs from any neighbouring filter, holds
 * 1 to threshold − 1 companies. Neighbours: the same filter with one list dropped, and with one
 * value taken out of a list. Two answers that differ in one such step can then never be subtracted to learn
 * about fewer companies than the threshold. One statement, counted in PostgreSQL.
 */
export async function assertPopulation(
  ds: DataSource,
  filter: ResearchFilterValues,
  threshold: number,
  field = 'filter',
): Promise<number> {
  const at = { field };
  const params: unknown[] = [];
  const bind = (list: string[]) => {
    params.push(list);
    return `$${params.length}`;
  };
  const dims = RESEARCH_DIMENSIONS.filter((d) => (filter[d]?.length ?? 0) > 0);
  const cond = new Map<ResearchDimension, string>(
    dims.map((d) => [d, unitCondition(d, bind(filter[d] as string[]))]),
  );
  const all = (except?: ResearchDimension, replace?: string) =>
    dims
      .map((d) => (d === except ? replace : cond.get(d)))
      .filter((c): c is string => !!c)
      .join(' AND ') || 'TRUE';

  // The companies that two neighbouring answers differ by: units in one answer but not the
  // other. Dropping list d adds the units outside it; taking value v out removes the v-units.
  const checks: { label: string; sql: string; kind: 'RELAXED' | 'WITHOUT' }[] = [];
  for (const d of dims) {
    checks.push({
      label: d,
      kind: 'RELAXED',
      sql: `${all(d)} AND NOT COALESCE(${cond.get(d)}, false)`,
    });
    const list = filter[d] as string[];
    if (list.length > 1) {
      for (const value of list) {
        checks.push({ label: d, kind: 'WITHOUT', sql: all(d, unitCondition(d, bind([value]))) });
      }
    }
  }
  const columns = [
    `count(DISTINCT company_id) FILTER (WHERE ${all()}) AS pop`,
    ...checks.map((c, i) => `count(DISTINCT company_id) FILTER (WHERE ${c.sql}) AS c${i}`),
  ];
  const [row] = await ds.query(
    `WITH units AS (${UNITS_SQL}) SELECT ${columns.join(', ')} FROM units`,
    params,
  );
  const pop = Number(row.pop);
  const small = (n: number) => n > 0 && n < threshold;
  if (small(pop)) {
    throw userError(
      'POPULATION_TOO_SMALL',
      `The filtered population holds fewer than ${threshold} companies; widen the filter`,
      { threshold, ...at },
    );
  }
  checks.forEach((check, i) => {
    if (small(Number(row[`c${i}`]))) {
      throw userError(
        'POPULATION_TOO_SMALL',
        `This filter differs from a neighbouring filter (${check.kind === 'RELAXED' ? 'without' : 'with one value less in'} ` +
          `the ${check.label} list) by fewer than ${threshold} companies; subtracting the two ` +
          'answers would single them out. Widen or drop that list.',
        { threshold, dimension: check.label, ...at },
      );
    }
  });
  return pop;
}
