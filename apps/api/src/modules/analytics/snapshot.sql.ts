import { dayEnd } from '../../database/sql.js';
import { DIMENSION_SQL, type FunnelDimension } from '../../semantic/dimensions.js';
import { filterCondition, joinsFor, unitFrom } from '../../semantic/units.js';
import type { FunnelSqlScope, Statement } from './funnel.sql.js';

export interface SnapshotRow {
  at: string;
  total: boolean;
  g1: string | null;
  g2: string | null;
  /** Units that had reached step 1..4 by the end of `at`. */
  n: number[];
  /** Units that had left through each exit (in the order given) by the end of `at`. */
  x: number[];
}

/**
 * Cumulative counts per step and exit at several dates in one pass: every unit is compared with
 * every date (a handful), which costs one scan however many dates.
 */
export function snapshotSql(
  scope: FunnelSqlScope,
  exitKeys: readonly string[],
  dates: readonly string[],
): Statement {
  const params: unknown[] = [scope.programmeId, dates, exitKeys];
  const dims = [...scope.breakdown];
  const joins = joinsFor([...dims, ...(Object.keys(scope.filter) as FunnelDimension[])]);
  const { from, where } = unitFrom({ unit: scope.unit, ...joins });
  const conditions = ['a.programme_id = $1', ...where];
  for (const [d, values] of Object.entries(scope.filter) as [FunnelDimension, string[]][]) {
    params.push(values);
    conditions.push(filterCondition(d, `$${params.length}`));
  }
  const groupCols = dims.map((_, i) => `u.g${i + 1}`);
  const steps = [1, 2, 3, 4].map((k) =>
    k <= scope.steps ? `count(*) FILTER (WHERE u.s${k} < d.t)` : '0',
  );
  const exits = exitKeys.map(
    (_, i) => `count(*) FILTER (WHERE u.xa < d.t AND u.xs = ($3::text[])[${i + 1}])`,
  );
  const sets = groupCols.length ? `(d.at, ${groupCols.join(', ')}), (d.at)` : '(d.at)';
  const sql = `WITH d AS (SELECT x.at, ${dayEnd('x.at')} AS t FROM unnest($2::date[]) AS x(at)),
u AS (
  SELECT ${[
    ...dims.map((d, i) => `${DIMENSION_SQL[d]} AS g${i + 1}`),
    'a.stage1_at AS s1, a.stage2_at AS s2, a.stage3_at AS s3, a.stage4_at AS s4',
    'a.exit_stage AS xs, a.exit_at AS xa',
  ].join(', ')}
    FROM ${from}
   WHERE ${conditions.join(' AND ')}
)
SELECT d.at::text AS at, ${groupCols.length ? `GROUPING(${groupCols.join(', ')}) <> 0` : 'true'} AS total,
       ${groupCols[0] ?? 'NULL::text'} AS g1, ${groupCols[1] ?? 'NULL::text'} AS g2,
       ARRAY[${steps.join(', ')}]::int[] AS n,
       ARRAY[${exits.length ? exits.join(', ') : ''}]::int[] AS x
  FROM d CROSS JOIN u
 GROUP BY GROUPING SETS (${sets})
 ORDER BY 1`;
  return { sql, params };
}
