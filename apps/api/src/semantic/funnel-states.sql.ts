/**
 * Funnel states at dates, counted in PostgreSQL: the measure behind every date-based research
 * answer (research/funnel-cube.ts protects its cells). At a date each unit is in one state: its
 * furthest step k (metricSql.furthest) and the exit it left by, or none. A state puts the unit
 * in these *series* (cells' names, see research/funnel-cube.ts `S`):
 *
 * - `N1`..`Nk` (reached step j), `Bk:<exit or ->` (the atom), `X:<exit>`;
 * - programme level only (top): `Rk:<exit>:<reason>`, `RSk:<reason>`, `RX:<exit>:<reason>`, and
 *   once decided (metricSql.decidedAt) `D` and `DW<week>`;
 * - with `flows`: `F@<earlier date>:<series>` for a monotone series the unit joined after that
 *   earlier date (monotone series never lose a unit: a step reached, an exit taken).
 *
 * Each unit can count in several *sets*: set 0 is the question's own filter, set i > 0 the units
 * by which a neighbouring filter differs from it. One scan counts them all; the neighbour sets
 * only return cells of 1 to threshold − 1 companies (what differencing needs).
 */
import { dayEnd } from '../database/sql.js';
import { allSubsets } from './grouping.js';
import { leadDays, metricSql, weekBucket } from './measures.js';

export interface FunnelStatesQuery {
  /** FROM clause and conditions of the units (units.ts). */
  from: string;
  where: string[];
  /** SQL of each breakdown dimension's value. */
  dims: readonly string[];
  /** Boolean SQL per set; set 0 first. */
  sets: readonly string[];
  steps: number;
  /** Bound parameters the conditions use ($1..$n); dates and exits are appended. */
  params: unknown[];
  dates: readonly string[];
  decisionExits: readonly string[];
  flows: boolean;
  threshold: number;
  keyModulus: number;
}

export interface FunnelStateRow {
  set_id: number;
  t: string;
  series: string;
  /** Per breakdown dimension: its value, or '*' where the row sums over it. */
  coords: (string | null)[];
  pairs: number;
  apps: number;
  companies: number;
  keys: number;
}

/** The query's parameters with the dates (and, with a decision step, the decision exits). */
function bind(q: FunnelStatesQuery) {
  const params = [...q.params, q.dates];
  const datesAt = `$${params.length}`;
  if (q.steps < 2) return { params, datesAt, exitsAt: 'NULL::text[]' };
  params.push(q.decisionExits);
  return { params, datesAt, exitsAt: `$${params.length}::text[]` };
}

const gCols = (n: number) => Array.from({ length: n }, (_, i) => `g${i}`);

/** GROUPING SETS over every subset of the breakdown, with `always` in each. */
const levels = (n: number, always: string[]) => allSubsets(gCols(n), always);

export function funnelStatesSql(q: FunnelStatesQuery): { sql: string; params: unknown[] } {
  const { params, datesAt, exitsAt } = bind(q);
  const m = metricSql(q.steps, 'dt.b');
  const g = gCols(q.dims.length);
  const gSelect = q.dims.map((d, i) => `${d} AS g${i}`);
  const setIds = q.sets.map((c, i) => `CASE WHEN ${c} THEN ${i} END`).join(', ');
  const decided =
    q.steps >= 2
      ? `CASE WHEN ${m.decidedAt(exitsAt)} IS NOT NULL THEN ${weekBucket(leadDays(m.decidedAt(exitsAt)))} END`
      : 'NULL::int';
  const carry = ['set_id', 'app_id', 'company_id', 'rk', ...g];
  const top = g.length ? `GROUPING(${g.join(', ')}) = ${(1 << g.length) - 1}` : 'true';
  const sql = `WITH dt AS (
  SELECT d.t, d.i, ${dayEnd('d.t')} AS b FROM unnest(${datesAt}::text[]) WITH ORDINALITY AS d(t, i)
), st AS (
  SELECT s.set_id, dt.t, dt.i, a.id AS app_id, o.id AS company_id, o.record_key::bigint AS rk,
         ${[...gSelect, `${m.furthest} AS k`, `${m.xs} AS x`, `COALESCE(${m.xr}, '-') AS r`, `${decided} AS w`].join(',\n         ')}
    FROM dt CROSS JOIN ${q.from}
   CROSS JOIN LATERAL unnest(array_remove(ARRAY[${setIds}], NULL)) AS s(set_id)
   WHERE ${[...q.where, `(${q.sets.join(' OR ')})`].join('\n     AND ')}
), ser AS (
  SELECT st.set_id, st.t, st.i, st.app_id, st.company_id, st.rk, ${g.map((c) => `st.${c}`).join(', ')}${g.length ? ', ' : ''}
         v.series, v.top_only, v.monotone
    FROM st CROSS JOIN LATERAL (
      SELECT 'N' || n, false, true FROM (VALUES (1), (2), (3), (4)) AS steps(n) WHERE n <= st.k
      UNION ALL SELECT 'B' || st.k || ':' || COALESCE(st.x, '-'), false, st.x IS NOT NULL
      UNION ALL SELECT 'X:' || st.x, false, true WHERE st.x IS NOT NULL
      UNION ALL SELECT 'R' || st.k || ':' || st.x || ':' || st.r, true, true WHERE st.x IS NOT NULL
      UNION ALL SELECT 'RS' || st.k || ':' || st.r, true, true WHERE st.x IS NOT NULL
      UNION ALL SELECT 'RX:' || st.x || ':' || st.r, true, true WHERE st.x IS NOT NULL
      UNION ALL SELECT 'D', true, true WHERE st.w IS NOT NULL
      UNION ALL SELECT 'DW' || st.w, true, true WHERE st.w IS NOT NULL
    ) AS v(series, top_only, monotone)
   WHERE st.k > 0
)${
    q.flows
      ? `, joined AS (
  SELECT ${carry.join(', ')}, series, top_only, min(i) AS j0
    FROM ser WHERE monotone GROUP BY ${carry.join(', ')}, series, top_only
), cells AS (
  SELECT set_id, t, app_id, company_id, rk, ${g.map((c) => `${c}, `).join('')}series, top_only FROM ser
  UNION ALL
  SELECT j.set_id, later.t, j.app_id, j.company_id, j.rk, ${g.map((c) => `j.${c}, `).join('')}
         'F@' || since.t || ':' || j.series, j.top_only
    FROM joined j JOIN dt since ON since.i < j.j0 JOIN dt later ON later.i >= j.j0
)`
      : ', cells AS (SELECT * FROM ser)'
  }
SELECT set_id, t, series, ${g.map((c) => `CASE WHEN GROUPING(${c}) = 0 THEN ${c} ELSE '*' END AS ${c}, `).join('')}
       count(*)::int AS pairs, count(DISTINCT app_id)::int AS apps,
       count(DISTINCT company_id)::int AS companies, (sum(rk) % ${q.keyModulus})::int AS keys
  FROM cells
 GROUP BY GROUPING SETS (${levels(g.length, ['set_id', 't', 'series'])})
HAVING (NOT bool_and(top_only) OR ${top})
   AND (set_id = 0 OR count(DISTINCT company_id) BETWEEN 1 AND ${q.threshold - 1})`;
  return { sql, params };
}

/** Rows of funnelStatesSql with the breakdown coordinates gathered. */
export function toStateRows(rows: Record<string, unknown>[], dims: number): FunnelStateRow[] {
  return rows.map((r) => ({
    set_id: Number(r.set_id),
    t: String(r.t),
    series: String(r.series),
    coords: gCols(dims).map((c) => (r[c] as string | null) ?? null),
    pairs: Number(r.pairs),
    apps: Number(r.apps),
    companies: Number(r.companies),
    keys: Number(r.keys),
  }));
}

/**
 * Day values behind the percentiles, as of each date: the days from step k−1 to k of the units
 * that reached k (per breakdown level), and (k = 0) the decision lead times at the programme
 * level. Percentiles by linear interpolation (percentile_cont), as the domain's `percentile`.
 */
export function funnelDaysSql(q: FunnelStatesQuery): { sql: string; params: unknown[] } {
  const { params, datesAt, exitsAt } = bind(q);
  const m = metricSql(q.steps, 'dt.b');
  const g = gCols(q.dims.length);
  const lagSteps = Array.from({ length: Math.max(0, q.steps - 1) }, (_, i) => i + 2);
  const lagValues = lagSteps.map((k) => `(${k}, ${m.lag(k)})`);
  const lead =
    q.steps >= 2
      ? `(0, CASE WHEN ${m.furthest} > 0 THEN ${leadDays(m.decidedAt(exitsAt))} END)`
      : null;
  const values = [...lagValues, ...(lead ? [lead] : [])];
  if (values.length === 0) return { sql: 'SELECT NULL WHERE false', params: [] };
  const sql = `WITH dt AS (
  SELECT d.t, ${dayEnd('d.t')} AS b FROM unnest(${datesAt}::text[]) AS d(t)
), days AS (
  SELECT dt.t, ${q.dims.map((d, i) => `${d} AS g${i}, `).join('')}v.k, v.days
    FROM dt CROSS JOIN ${q.from}
   CROSS JOIN LATERAL (VALUES ${values.join(', ')}) AS v(k, days)
   WHERE ${[...q.where, q.sets[0] as string, 'v.days IS NOT NULL'].join(' AND ')}
)
SELECT t, k, ${g.map((c) => `CASE WHEN GROUPING(${c}) = 0 THEN ${c} ELSE '*' END AS ${c}, `).join('')}
       percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY days) AS pct
  FROM days
 GROUP BY GROUPING SETS (${levels(g.length, ['t', 'k'])})
HAVING k > 0 OR ${g.length ? `GROUPING(${g.join(', ')}) = ${(1 << g.length) - 1}` : 'true'}`;
  return { sql, params };
}
