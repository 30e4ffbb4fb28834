/**
 * SQL for funnels. Two statements answer the same question with the same result columns:
 *
 * - live: aggregates the application projection (stageN_at, exit_*) as of any date, with any
 *   filter and up to two breakdowns;
 * - rollup: sums the precomputed cuboid cells, when nothing has changed since they were built,
 *   the as-of date is after the last event, and at most one dimension besides EDITION is
 *   involved.
 *
 * Result rows (FunnelRow): `kind` 'cell' rows partition the counting units by exit as of the
 * date (stage, reason, step at exit; all null when not exited) and say how many of them reached
 * each step (n1..n4); 'lag' rows are histograms of whole days from the previous step. `total`
 * rows cover everything, the others one breakdown group (g1, g2). The builders are exported so
 * the benchmark's plain-SQL side runs exactly these statements.
 */
import { dayEnd } from '../../database/sql.js';
import {
  CUBOID_DIMENSIONS,
  DIMENSION_SQL,
  dimensionColumn,
  FUNNEL_UNITS,
  type FunnelDimension,
  type FunnelUnit,
  type ResolvedFilter,
} from '../../semantic/dimensions.js';
import { metricSql, STEP_NUMBERS } from '../../semantic/measures.js';
import { filterCondition, joinsFor, unitFrom } from '../../semantic/units.js';

export { metricSql };

export interface FunnelRow {
  total: boolean;
  kind: 'cell' | 'lag';
  g1: string | null;
  g2: string | null;
  xs: string | null;
  xr: string | null;
  xf: number | null;
  step: number | null;
  lag: number | null;
  n: number;
  n1: number;
  n2: number;
  n3: number;
  n4: number;
}

export interface FunnelSqlScope {
  programmeId: string;
  /** Number of steps (1..4). */
  steps: number;
  unit: FunnelUnit;
  breakdown: readonly FunnelDimension[];
  filter: ResolvedFilter;
  /** Inclusive 'YYYY-MM-DD', or null for every event recorded. */
  asOf: string | null;
}

export interface Statement {
  sql: string;
  params: unknown[];
  /** Set: run as a prepared statement of that name (parsed and planned once per connection). */
  name?: string;
}

const countColumns = (steps: number, reachedColumn: (k: number) => string) =>
  STEP_NUMBERS.map((k) =>
    k <= steps ? `count(*) FILTER (WHERE ${reachedColumn(k)})::int AS n${k}` : `0 AS n${k}`,
  ).join(', ');

/** Adds filter conditions with their parameters; returns the SQL conditions. */
function filterConditions(filter: ResolvedFilter, params: unknown[]): string[] {
  const out: string[] = [];
  for (const [d, values] of Object.entries(filter) as [FunnelDimension, string[]][]) {
    // An empty list (years and filter.editions that do not overlap) matches nothing.
    if (values.length === 0) {
      out.push('false');
      continue;
    }
    params.push(values);
    out.push(filterCondition(d, `$${params.length}`));
  }
  return out;
}

/** The live funnel: one statement over the applications (and members, companies, channels). */
export function liveFunnelSql(scope: FunnelSqlScope): Statement {
  const params: unknown[] = [scope.programmeId];
  let bound: string | null = null;
  if (scope.asOf !== null) {
    params.push(scope.asOf);
    bound = `b.t`;
  }
  const m = metricSql(scope.steps, bound);
  const dims = [...scope.breakdown];
  const joins = joinsFor([...dims, ...(Object.keys(scope.filter) as FunnelDimension[])]);
  const { from, where } = unitFrom({ unit: scope.unit, ...joins });
  const conditions = ['a.programme_id = $1', ...where, ...filterConditions(scope.filter, params)];
  const g = dims.map((d, i) => `${DIMENSION_SQL[d]} AS g${i + 1}`);
  const lagSteps = STEP_NUMBERS.filter((k) => k >= 2 && k <= scope.steps);
  const columns = [
    ...g,
    ...STEP_NUMBERS.filter((k) => k <= scope.steps).map((k) => `${m.reached(k)} AS r${k}`),
    `${m.xs} AS xs`,
    `${m.xr} AS xr`,
    `${m.xf} AS xf`,
    ...lagSteps.map((k) => `${m.lag(k)} AS l${k}`),
  ];
  const groupCols = dims.map((_, i) => `g${i + 1}`);
  const exitCols = ['xs', 'xr', 'xf'];
  const sets = [
    ...(groupCols.length ? [[...groupCols, ...exitCols]] : []),
    ...(groupCols.length ? lagSteps.map((k) => [...groupCols, `l${k}`]) : []),
    exitCols,
    ...lagSteps.map((k) => [`l${k}`]),
  ];
  const total = groupCols.length ? `GROUPING(${groupCols.join(', ')}) <> 0` : 'true';
  const lagCase = (pick: (k: number) => string) =>
    lagSteps.length
      ? `CASE ${lagSteps.map((k) => `WHEN GROUPING(l${k}) = 0 THEN ${pick(k)}`).join(' ')} END`
      : 'NULL';
  const boundCte = bound === null ? '' : `b AS (SELECT ${dayEnd('$2')} AS t),\n`;
  const sql = `WITH ${boundCte}u AS (
  SELECT ${columns.join(',\n         ')}
    FROM ${bound === null ? '' : 'b, '}${from}
   WHERE ${conditions.join('\n     AND ')}
)
SELECT ${total} AS total,
       CASE WHEN GROUPING(xs, xr, xf) = 0 THEN 'cell' ELSE 'lag' END AS kind,
       ${groupCols[0] ?? 'NULL::text'} AS g1, ${groupCols[1] ?? 'NULL::text'} AS g2,
       xs, xr, xf,
       ${lagCase((k) => String(k))}::int AS step, ${lagCase((k) => `l${k}`)}::int AS lag,
       count(*)::int AS n, ${countColumns(scope.steps, (k) => `r${k}`)}
  FROM u
 GROUP BY GROUPING SETS (${sets.map((s) => `(${s.join(', ')})`).join(', ')})`;
  return { sql, params };
}

/** Whether the rollup can answer: at most one dimension besides EDITION in play. */
export function rollupCuboid(
  breakdown: readonly FunnelDimension[],
  filter: ResolvedFilter,
): FunnelDimension | 'NONE' | null {
  const involved = new Set<FunnelDimension>([
    ...breakdown,
    ...(Object.keys(filter) as FunnelDimension[]),
  ]);
  involved.delete('EDITION');
  if (involved.size > 1) return null;
  return [...involved][0] ?? 'NONE';
}

/** The rollup funnel: sums of precomputed cells of one cuboid. Null when it cannot answer. */
export function rollupFunnelSql(scope: FunnelSqlScope): Statement | null {
  const cuboid = rollupCuboid(scope.breakdown, scope.filter);
  if (cuboid === null) return null;
  const params: unknown[] = [scope.programmeId, scope.unit, cuboid];
  const sql = rollupSelects(scope, cuboid, params, {
    programme: '$1',
    unit: '$2',
    dimension: '$3',
    steps: scope.steps,
    gate: null,
  });
  return { sql, params };
}

interface RollupRefs {
  /** SQL for the programme id, the unit and the cuboid's dimension. */
  programme: string;
  unit: string;
  dimension: string;
  /** The number of steps, or SQL that yields it. */
  steps: number | string;
  /** A condition (evaluated once) under which the rows are read at all; null: always. */
  gate: string | null;
}

/** The two SELECTs (cells, lag histograms) of a rollup funnel; appends its own parameters. */
function rollupSelects(
  scope: Pick<FunnelSqlScope, 'breakdown' | 'filter' | 'steps'>,
  cuboid: FunnelDimension | 'NONE',
  params: unknown[],
  refs: RollupRefs,
): string {
  const conditions = (alias: string) => {
    const out = [
      `${alias}.programme_id = ${refs.programme}`,
      `${alias}.unit = ${refs.unit}`,
      `${alias}.dimension = ${refs.dimension}`,
    ];
    if (refs.gate !== null) out.push(refs.gate);
    return out;
  };
  const extra: string[] = [];
  const editions = scope.filter.EDITION;
  if (editions) {
    params.push(editions);
    extra.push(`.edition_id = ANY($${params.length}::uuid[])`);
  }
  const values = cuboid === 'NONE' ? undefined : scope.filter[cuboid];
  if (values) {
    params.push(values);
    extra.push(`.value = ANY($${params.length}::text[])`);
  }
  const where = (alias: string) =>
    [...conditions(alias), ...extra.map((e) => `${alias}${e}`)].join(' AND ');
  const groupExpr = (alias: string) =>
    scope.breakdown.map((d) => (d === 'EDITION' ? `${alias}.edition_id::text` : `${alias}.value`));
  const select = (alias: string) => {
    const g = groupExpr(alias);
    return {
      g,
      total: g.length ? `GROUPING(${g.join(', ')}) <> 0` : 'true',
      g1: g[0] ?? 'NULL::text',
      g2: g[1] ?? 'NULL::text',
    };
  };
  const c = select('c');
  const l = select('l');
  const cellExit = ['c.exit_stage', 'c.exit_reason', 'c.exit_from'];
  const cellSets = [...(c.g.length ? [[...c.g, ...cellExit]] : []), cellExit];
  const lagKey = ['l.step', 'l.lag_days'];
  const lagSets = [...(l.g.length ? [[...l.g, ...lagKey]] : []), lagKey];
  const sets = (list: string[][]) => list.map((s) => `(${s.join(', ')})`).join(', ');
  const { steps } = refs;
  const sum = (k: number) =>
    typeof steps === 'number'
      ? k <= steps
        ? `sum(c.n${k})::int`
        : '0'
      : `CASE WHEN ${k} <= ${steps} THEN sum(c.n${k})::int ELSE 0 END`;
  const lagSteps =
    typeof steps === 'number'
      ? steps < 4
        ? ` AND l.step <= ${steps}`
        : ''
      : ` AND l.step <= ${steps}`;
  return `SELECT ${c.total} AS total, 'cell' AS kind, ${c.g1} AS g1, ${c.g2} AS g2,
       c.exit_stage AS xs, c.exit_reason AS xr, c.exit_from::int AS xf, NULL::int AS step, NULL::int AS lag,
       sum(c.n)::int AS n, ${STEP_NUMBERS.map((k) => `${sum(k)} AS n${k}`).join(', ')}
  FROM analytics_funnel_cell c
 WHERE ${where('c')}
 GROUP BY GROUPING SETS (${sets(cellSets)})
UNION ALL
SELECT ${l.total}, 'lag', ${l.g1}, ${l.g2}, NULL, NULL, NULL, l.step::int, l.lag_days,
       sum(l.n)::int, 0, 0, 0, 0
  FROM analytics_funnel_lag l
 WHERE ${where('l')}${lagSteps}
 GROUP BY GROUPING SETS (${sets(lagSets)})`;
}

/**
 * The programme's metadata and, when the rollup may answer, its funnel, in ONE statement (one
 * round trip instead of two): for a question without years and filters, which is all that needs
 * the metadata before the SQL can be written. `metaSql` (the programme statement, parameters
 * $1..$4) becomes a CTE; its row comes back first as kind 'meta', column `meta` holding
 * `{ programme: <the programme row>, answered: <whether rollup rows follow> }`. They follow only when the rollup is fresh, covers the as-of date and
 * the programme has 1 to 4 steps (checked once, before any cell is read); otherwise the answer is
 * the meta row alone and the caller runs the live statement. The number of steps comes from the
 * same snapshot, so an edited programme is never answered with yesterday's shape.
 */
export function funnelWithMetaSql(
  meta: Statement,
  query: { unit: FunnelUnit; breakdown: readonly FunnelDimension[] },
): Statement | null {
  const cuboid = rollupCuboid(query.breakdown, {});
  if (cuboid === null) return null;
  const params = [...meta.params, query.unit, cuboid];
  const unit = `$${params.length - 1}`;
  const dimension = `$${params.length}`;
  const selects = rollupSelects(
    { breakdown: query.breakdown, filter: {}, steps: 4 },
    cuboid,
    params,
    {
      programme: '(SELECT id FROM m)',
      unit,
      dimension,
      steps: '(SELECT steps FROM m)',
      gate: '(SELECT ok FROM m)',
    },
  );
  const sql = `WITH meta AS (${meta.sql}),
s AS (SELECT meta.id, meta.rollup_fresh IS TRUE AND meta.rollup_covers AS usable,
             (SELECT count(*)::int FROM json_array_elements(meta.stages) e
               WHERE e->>'kind' = 'STEP') AS steps
        FROM meta),
m AS (SELECT id, steps, usable AND steps BETWEEN 1 AND 4 AS ok FROM s)
SELECT NULL::boolean AS total, 'meta' AS kind, NULL::text AS g1, NULL::text AS g2,
       NULL::text AS xs, NULL::text AS xr, NULL::int AS xf, NULL::int AS step, NULL::int AS lag,
       NULL::int AS n, NULL::int AS n1, NULL::int AS n2, NULL::int AS n3, NULL::int AS n4,
       json_build_object('programme', row_to_json(meta), 'answered', m.ok) AS meta
  FROM meta, m
UNION ALL
SELECT *, NULL::json FROM (
${selects}
) r`;
  return { sql, params };
}

// ---------------------------------------------------------------------------------------------
// Rollup build

/** Source rows of the rollup: every counting unit with every cuboid dimension's value. */
function rollupSourceSql(unit: FunnelUnit): string {
  const m = metricSql(4, null);
  const joins = joinsFor(CUBOID_DIMENSIONS);
  const { from, where } = unitFrom({ unit, ...joins });
  const columns = [
    'a.programme_id',
    'a.edition_id',
    ...CUBOID_DIMENSIONS.map((d) => `${DIMENSION_SQL[d]} AS ${dimensionColumn(d)}`),
    ...STEP_NUMBERS.map((k) => `${m.reached(k)} AS r${k}`),
    `${m.xs} AS xs`,
    `${m.xr} AS xr`,
    `${m.xf} AS xf`,
    ...STEP_NUMBERS.filter((k) => k >= 2).map((k) => `${m.lag(k)} AS l${k}`),
  ];
  return `SELECT ${columns.join(', ')} FROM ${from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
}

function cuboidCases(alias: string) {
  const dimension = `CASE ${CUBOID_DIMENSIONS.map(
    (d) => `WHEN GROUPING(${alias}.${dimensionColumn(d)}) = 0 THEN '${d}'`,
  ).join(' ')} ELSE 'NONE' END`;
  const value = `CASE ${CUBOID_DIMENSIONS.map(
    (d) => `WHEN GROUPING(${alias}.${dimensionColumn(d)}) = 0 THEN ${alias}.${dimensionColumn(d)}`,
  ).join(' ')} END`;
  return { dimension, value };
}

const cuboidSets = (alias: string, rest: string[]) =>
  [
    [`${alias}.programme_id`, `${alias}.edition_id`, ...rest],
    ...CUBOID_DIMENSIONS.map((d) => [
      `${alias}.programme_id`,
      `${alias}.edition_id`,
      `${alias}.${dimensionColumn(d)}`,
      ...rest,
    ]),
  ]
    .map((s) => `(${s.join(', ')})`)
    .join(',\n   ');

/** Cells of every cuboid for one unit, from the source rows in CTE `src`. */
function rollupCellsSelect(unit: FunnelUnit, src: string): string {
  const { dimension, value } = cuboidCases(src);
  return `SELECT ${src}.programme_id, ${src}.edition_id, '${unit}', ${dimension}, ${value}, ${src}.xs, ${src}.xr, ${src}.xf,
       count(*), ${STEP_NUMBERS.map((k) => `count(*) FILTER (WHERE ${src}.r${k})`).join(', ')}
  FROM ${src}
 GROUP BY GROUPING SETS (
   ${cuboidSets(src, [`${src}.xs`, `${src}.xr`, `${src}.xf`])})`;
}

/** Lag histograms of every cuboid for one unit, from the unpivoted rows in CTE `lags`. */
function rollupLagsSelect(unit: FunnelUnit, lags: string): string {
  const { dimension, value } = cuboidCases(lags);
  return `SELECT ${lags}.programme_id, ${lags}.edition_id, '${unit}', ${dimension}, ${value}, ${lags}.step, ${lags}.lag, count(*)
  FROM ${lags}
 GROUP BY GROUPING SETS (
   ${cuboidSets(lags, [`${lags}.step`, `${lags}.lag`])})`;
}

/**
 * Rebuilds the whole rollup in ONE statement: every sub-statement sees the same snapshot, so the
 * cells, the lag histograms, the last-event times and the recorded snapshot agree, and the old
 * rows are replaced atomically without an explicit transaction (which the embedded database
 * cannot interleave with other connections). Sub-statements run in no set order and do not see
 * each other's changes, so nothing here deletes and re-inserts the same key: cells and
 * histograms have no natural key, programmes and the state row are upserted. A transaction-scoped advisory lock makes a
 * concurrent rebuild a no-op instead of a duplicate. Returns one row: whether it built, and how
 * many cells and histogram rows it wrote.
 */
export function rollupRefreshSql(lockKey: number): string {
  const units = FUNNEL_UNITS.map((unit) => ({
    unit,
    src: `src_${unit.toLowerCase()}`,
    lags: `lag_${unit.toLowerCase()}`,
  }));
  const ok = '(SELECT ok FROM lock)';
  return `WITH lock AS (SELECT pg_try_advisory_xact_lock(${lockKey}) AS ok),
snap AS (SELECT pg_current_snapshot()::text AS snapshot, clock_timestamp() AS started),
del_cells AS (DELETE FROM analytics_funnel_cell WHERE ${ok}),
del_lags AS (DELETE FROM analytics_funnel_lag WHERE ${ok}),
${units
  .map(
    ({
      unit,
      src,
      lags,
    }) => `${src} AS (${rollupSourceSql(unit)}${rollupSourceSql(unit).includes(' WHERE ') ? ' AND' : ' WHERE'} ${ok}),
${lags} AS (SELECT ${src}.*, x.step, x.lag FROM ${src}
        CROSS JOIN LATERAL (VALUES (2, ${src}.l2), (3, ${src}.l3), (4, ${src}.l4)) AS x(step, lag)
       WHERE x.lag IS NOT NULL),
ins_cells_${unit.toLowerCase()} AS (
  INSERT INTO analytics_funnel_cell
    (programme_id, edition_id, unit, dimension, value, exit_stage, exit_reason, exit_from, n, n1, n2, n3, n4)
  ${rollupCellsSelect(unit, src)}
  RETURNING 1),
ins_lags_${unit.toLowerCase()} AS (
  INSERT INTO analytics_funnel_lag (programme_id, edition_id, unit, dimension, value, step, lag_days, n)
  ${rollupLagsSelect(unit, lags)}
  RETURNING 1)`,
  )
  .join(',\n')},
ins_programmes AS (
  INSERT INTO analytics_rollup_programme (programme_id, last_event_at)
  SELECT p.id, (SELECT max(GREATEST(a.stage1_at, a.stage2_at, a.stage3_at, a.stage4_at, a.exit_at))
                  FROM application a WHERE a.programme_id = p.id)
    FROM programme p WHERE ${ok}
  ON CONFLICT (programme_id) DO UPDATE SET last_event_at = EXCLUDED.last_event_at
  RETURNING 1),
state AS (
  INSERT INTO analytics_rollup_state (id, snapshot, built_at, build_ms)
  SELECT 1, snap.snapshot, now(), (extract(epoch FROM clock_timestamp() - snap.started) * 1000)::int
    FROM snap WHERE ${ok}
  ON CONFLICT (id) DO UPDATE SET snapshot = EXCLUDED.snapshot, built_at = EXCLUDED.built_at,
                                 build_ms = EXCLUDED.build_ms
  RETURNING 1),
-- Changes this snapshot already includes need no remembering.
prune AS (
  DELETE FROM analytics_change_log l
   WHERE ${ok} AND pg_visible_in_snapshot(l.xid::text::xid8, (SELECT snapshot FROM snap)::pg_snapshot)
  RETURNING 1)
SELECT ${ok} AS built,
       (${units.map(({ unit }) => `(SELECT count(*) FROM ins_cells_${unit.toLowerCase()})`).join(' + ')})::int AS cells,
       (${units.map(({ unit }) => `(SELECT count(*) FROM ins_lags_${unit.toLowerCase()})`).join(' + ')})::int AS lags,
       (SELECT count(*) FROM ins_programmes)::int AS programmes,
       (SELECT count(*) FROM state)::int AS state,
       (SELECT count(*) FROM prune)::int AS pruned`;
}
