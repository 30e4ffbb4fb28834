import type { DataSource } from 'typeorm';
import { dayEnd } from '../../database/sql.js';
import { badInput } from '../../graphql/errors.js';
import type { DimensionFilter, FunnelDimension, FunnelUnit } from '../../semantic/dimensions.js';
import { filterCondition, joinsFor, unitFrom } from '../../semantic/units.js';
import { rate } from './funnel.assemble.js';
import type { RateData } from './funnel.model.js';
import { FunnelService } from './funnel.service.js';
import { metricSql, type Statement } from './funnel.sql.js';
import { reasonLabel } from './reasons.js';
import type { StageMeta } from './scope.js';

export interface DropOffQuery {
  programmeKey: string;
  /** A step (units that stopped there) or an exit (units that left through it). */
  stage: string;
  years?: readonly number[] | null;
  asOf?: Date | string | null;
  unit?: FunnelUnit | null;
  filter?: DimensionFilter | null;
}

export interface DropOffReasonData {
  reason: string | null;
  label: string;
  count: number;
  /** Share of the units that left, with its Wilson 95 % interval. */
  share: RateData;
}

export interface DropOffData {
  programmeKey: string;
  stage: string;
  label: string;
  kind: 'STEP' | 'EXIT';
  unit: FunnelUnit;
  asOf: string | null;
  years: number[] | null;
  /** STEP: units whose furthest step (as of the date) is this one. Null for an exit. */
  atStage: number | null;
  /** Units that left: for a step, those of atStage that took an exit; for an exit, all of it. */
  left: number;
  /** STEP: atStage − left, still able to continue. Null for an exit. */
  stillInProgress: number | null;
  /** Exits taken, most frequent first. */
  exits: { stage: string; label: string; count: number }[];
  /** Reasons recorded, most frequent first. */
  reasons: DropOffReasonData[];
  /** The most frequent recorded reason (ties: the first in code order); null if none. */
  topReason: string | null;
}

interface DropOffRow {
  total: boolean;
  xs: string | null;
  xr: string | null;
  n: number;
}

export function dropOffSql(
  programmeId: string,
  steps: number,
  asOf: string | null,
  unit: FunnelUnit,
  stage: StageMeta,
  filter: Partial<Record<FunnelDimension, string[]>>,
): Statement {
  const params: unknown[] = [programmeId];
  if (asOf !== null) params.push(asOf);
  const m = metricSql(steps, asOf === null ? null : 'b.t');
  const joins = joinsFor(Object.keys(filter) as FunnelDimension[]);
  const { from, where } = unitFrom({ unit, ...joins });
  const conditions = ['a.programme_id = $1', ...where];
  for (const [d, values] of Object.entries(filter) as [FunnelDimension, string[]][]) {
    params.push(values);
    conditions.push(filterCondition(d, `$${params.length}`));
  }
  let selected: string;
  if (stage.kind === 'STEP') {
    const next = stage.position + 1;
    selected =
      next <= steps
        ? `${m.reached(stage.position)} AND NOT ${m.reached(next)}`
        : m.reached(stage.position);
  } else {
    params.push(stage.key);
    selected = `(${m.xs}) = $${params.length}`;
  }
  const sql = `WITH ${asOf === null ? '' : `b AS (SELECT ${dayEnd('$2')} AS t),\n`}u AS (
  SELECT ${m.xs} AS xs, ${m.xr} AS xr
    FROM ${asOf === null ? '' : 'b, '}${from}
   WHERE ${conditions.join(' AND ')} AND ${selected}
)
SELECT GROUPING(xs, xr) <> 0 AS total, xs, xr, count(*)::int AS n
  FROM u
 GROUP BY GROUPING SETS ((xs, xr), ())`;
  return { sql, params };
}

/**
 * Why units stopped: for a step, those that got no further (as of the date) and the exits and
 * reasons they left with; for an exit, every unit that took it, by reason.
 */
export class DropOffService {
  private readonly funnels: FunnelService;

  constructor(private readonly ds: DataSource) {
    this.funnels = new FunnelService(ds);
  }

  async reasons(query: DropOffQuery): Promise<DropOffData> {
    const scope = await this.funnels.scope({ ...query, breakdownBy: [] }, '');
    const { programme } = scope;
    const stage = [...programme.steps, ...programme.exits].find((s) => s.key === query.stage);
    if (!stage) {
      const known = [...programme.steps, ...programme.exits].map((s) => s.key).join(', ');
      throw badInput(
        `Unknown stage "${query.stage}" for ${programme.name} (stages: ${known})`,
        'stage',
      );
    }
    const statement = dropOffSql(
      programme.id,
      programme.steps.length,
      scope.asOf,
      scope.unit,
      stage,
      scope.filter,
    );
    const rows: DropOffRow[] = await this.ds.query(statement.sql, statement.params);
    const all = rows.find((r) => r.total)?.n ?? 0;
    const leftRows = rows.filter((r) => !r.total && r.xs !== null);
    const left = leftRows.reduce((s, r) => s + r.n, 0);
    const byExit = new Map<string, number>();
    const byReason = new Map<string | null, number>();
    for (const r of leftRows) {
      byExit.set(r.xs as string, (byExit.get(r.xs as string) ?? 0) + r.n);
      byReason.set(r.xr, (byReason.get(r.xr) ?? 0) + r.n);
    }
    const reasons = [...byReason.entries()]
      .map(([reason, count]) => ({
        reason,
        label: reasonLabel(reason),
        count,
        share: rate(count, left),
      }))
      .sort((a, b) => b.count - a.count || String(a.reason).localeCompare(String(b.reason)));
    const top = reasons.find((r) => r.reason !== null);
    return {
      programmeKey: programme.key,
      stage: stage.key,
      label: stage.label,
      kind: stage.kind,
      unit: scope.unit,
      asOf: scope.asOf,
      years: scope.years,
      atStage: stage.kind === 'STEP' ? all : null,
      left,
      stillInProgress: stage.kind === 'STEP' ? all - left : null,
      exits: [...byExit.entries()]
        .map(([key, count]) => ({
          stage: key,
          label: programme.exits.find((e) => e.key === key)?.label ?? key,
          count,
        }))
        .sort((a, b) => b.count - a.count),
      reasons,
      topReason: top?.reason ?? null,
    };
  }
}
