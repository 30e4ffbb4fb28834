import type { DataSource } from 'typeorm';
import { userError } from '../graphql/errors.js';
import {
  COUNT_UNITS_SQL,
  filterSql,
  RESEARCH_DIMENSIONS,
  type ResearchDimension,
  type ResearchFilterValues,
} from './research-dimensions.js';

/**
 * Differencing defence (query-set-size control). An answer is refused when its filtered
 * population, or the set of companies by which it differs from any neighbouring filter, holds
 * 1 to threshold − 1 companies. Neighbours: the same filter with one list dropped, and with one
 * value taken out of a list. Two answers that differ in one such step can then never be
 * subtracted to learn about fewer companies than the threshold. Counted in PostgreSQL: here in
 * one statement, or as the totals of the aggregate's own statement (aggregate.service.ts).
 */

export interface Neighbour {
  filter: ResearchFilterValues;
  dimension: ResearchDimension;
  /** RELAXED: the list dropped; WITHOUT: one value taken out of it. */
  kind: 'RELAXED' | 'WITHOUT';
}

/**
 * The filters one step from `filter`. The programme is the subject of every funnel answer, not
 * a filter, and has no neighbours there (`subjects`); the aggregate and the guard pass none.
 */
export function neighbours(
  filter: ResearchFilterValues,
  subjects: readonly ResearchDimension[] = [],
): Neighbour[] {
  const out: Neighbour[] = [];
  for (const d of RESEARCH_DIMENSIONS) {
    const list = filter[d];
    if (subjects.includes(d) || !list?.length) continue;
    const { [d]: _dropped, ...rest } = filter;
    out.push({ filter: rest, dimension: d, kind: 'RELAXED' });
    if (list.length > 1) {
      for (const v of list) {
        out.push({
          filter: { ...filter, [d]: list.filter((x) => x !== v) },
          dimension: d,
          kind: 'WITHOUT',
        });
      }
    }
  }
  return out;
}

/** Throws POPULATION_TOO_SMALL when the population or a neighbour difference is small. */
export function checkPopulation(
  population: number,
  differences: readonly number[],
  list: readonly Neighbour[],
  threshold: number,
  field = 'filter',
): void {
  const small = (n: number) => n > 0 && n < threshold;
  if (small(population)) {
    throw userError(
      'POPULATION_TOO_SMALL',
      `The filtered population holds fewer than ${threshold} companies; widen the filter`,
      { threshold, field },
    );
  }
  list.forEach((n, i) => {
    if (!small(differences[i] ?? 0)) return;
    throw userError(
      'POPULATION_TOO_SMALL',
      `This filter differs from a neighbouring filter (${n.kind === 'RELAXED' ? 'without' : 'with one value less in'} ` +
        `the ${n.dimension} list) by fewer than ${threshold} companies; subtracting the two ` +
        'answers would single them out. Widen or drop that list.',
      { threshold, dimension: n.dimension, field },
    );
  });
}

export async function assertPopulation(
  ds: DataSource,
  filter: ResearchFilterValues,
  threshold: number,
  field = 'filter',
): Promise<number> {
  const params: unknown[] = [];
  const own = filterSql(filter, params, 'relation');
  const list = neighbours(filter);
  // The companies two neighbouring answers differ by: units in one answer but not the other.
  const columns = [
    `count(DISTINCT company_id) FILTER (WHERE ${own}) AS pop`,
    ...list.map(
      (n, i) =>
        `count(DISTINCT company_id) FILTER (WHERE ${own} <> ${filterSql(n.filter, params, 'relation')}) AS c${i}`,
    ),
  ];
  const [row] = await ds.query(
    `WITH units AS (${COUNT_UNITS_SQL}) SELECT ${columns.join(', ')} FROM units`,
    params,
  );
  const pop = Number(row.pop);
  checkPopulation(
    pop,
    list.map((_, i) => Number(row[`c${i}`])),
    list,
    threshold,
    field,
  );
  return pop;
}
