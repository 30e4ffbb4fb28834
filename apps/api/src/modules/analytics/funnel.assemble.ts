/**
 * Turns the aggregated rows of a funnel statement (live or rollup, same shape) into steps, exits
 * and groups. Pure: no database, so the arithmetic is unit-tested on its own.
 */
import { funnel as funnelMaths, percentileOfHistogram, wilsonInterval } from '@werkgezond/domain';
import {
  compareValues,
  describeValue,
  type FunnelDimension,
  type GroupKeyValue,
  type LabelSources,
} from '../../semantic/dimensions.js';
import type {
  FunnelBody,
  FunnelExitData,
  FunnelGroupData,
  FunnelStepData,
  RateData,
} from './funnel.model.js';
import type { FunnelRow } from './funnel.sql.js';
import { reasonLabel } from './reasons.js';

export interface StageInfo {
  key: string;
  label: string;
  position: number;
}

export interface AssembleContext {
  steps: readonly StageInfo[];
  exits: readonly StageInfo[];
  breakdown: readonly FunnelDimension[];
  labels: LabelSources;
}

/** Days to two decimals: interpolated percentiles carry floating-point noise otherwise. */
export const round2 = (x: number | null): number | null =>
  x === null ? null : Math.round(x * 100) / 100;

const reachedOf = (row: FunnelRow, position: number): number =>
  [row.n1, row.n2, row.n3, row.n4][position - 1] ?? 0;

export const toRate = (r: {
  value: number | null;
  lower: number | null;
  upper: number | null;
}): RateData => ({
  value: r.value,
  lower: r.lower,
  upper: r.upper,
});

/** Steps, exits and counts of one set of rows (the total, or one group). */
export function assembleBody(
  cells: readonly FunnelRow[],
  lags: readonly FunnelRow[],
  ctx: Pick<AssembleContext, 'steps' | 'exits'>,
): FunnelBody {
  const units = cells.reduce((s, r) => s + r.n, 0);
  const reached = ctx.steps.map((s) => cells.reduce((sum, r) => sum + reachedOf(r, s.position), 0));
  const maths = funnelMaths(ctx.steps.map((s, i) => ({ key: s.key, count: reached[i] ?? 0 })));

  const exitedFrom = new Map<number, number>();
  for (const r of cells) {
    if (r.xs === null) continue;
    const from = r.xf ?? 0;
    exitedFrom.set(from, (exitedFrom.get(from) ?? 0) + r.n);
  }

  const steps: FunnelStepData[] = ctx.steps.map((s, i) => {
    const m = maths[i]!;
    const bins = lags
      .filter((r) => r.step === s.position && r.lag !== null)
      .map((r) => ({ value: r.lag as number, count: r.n }));
    const previous = i > 0 ? ctx.steps[i - 1]! : null;
    const exited = previous ? (exitedFrom.get(previous.position) ?? 0) : null;
    const dropOff = m.dropOff;
    return {
      stage: s.key,
      label: s.label,
      position: s.position,
      count: m.count,
      fromPrevious: m.fromPrevious ? toRate(m.fromPrevious) : null,
      fromFirst: toRate(m.fromFirst),
      dropOff,
      exited,
      inProgress: dropOff === null || exited === null ? null : Math.max(0, dropOff - exited),
      medianDaysFromPrevious: i > 0 ? round2(percentileOfHistogram(bins, 0.5)) : null,
      p90DaysFromPrevious: i > 0 ? round2(percentileOfHistogram(bins, 0.9)) : null,
    };
  });

  const exitKeys = [...ctx.exits.map((e) => e.key)];
  for (const r of cells) if (r.xs !== null && !exitKeys.includes(r.xs)) exitKeys.push(r.xs);
  const stepByPosition = new Map(ctx.steps.map((s) => [s.position, s.key]));
  const exits: FunnelExitData[] = exitKeys.map((key) => {
    const rows = cells.filter((r) => r.xs === key);
    const count = rows.reduce((s, r) => s + r.n, 0);
    const byReason = new Map<string | null, number>();
    const byStep = new Map<number, number>();
    for (const r of rows) {
      byReason.set(r.xr, (byReason.get(r.xr) ?? 0) + r.n);
      byStep.set(r.xf ?? 0, (byStep.get(r.xf ?? 0) ?? 0) + r.n);
    }
    return {
      stage: key,
      label: ctx.exits.find((e) => e.key === key)?.label ?? key,
      count,
      reasons: [...byReason.entries()]
        .map(([reason, n]) => ({
          reason,
          label: reasonLabel(reason),
          count: n,
          share: count > 0 ? n / count : null,
        }))
        .sort((a, b) => b.count - a.count || String(a.reason).localeCompare(String(b.reason))),
      fromSteps: [...byStep.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([position, n]) => ({ stage: stepByPosition.get(position) ?? null, count: n })),
    };
  });
  return { units, steps, exits };
}

/** The whole answer: the total body and one body per breakdown group, groups in a stable order. */
export function assembleFunnel(
  rows: readonly FunnelRow[],
  ctx: AssembleContext,
): FunnelBody & { groups: FunnelGroupData[] } {
  const totalCells = rows.filter((r) => r.total && r.kind === 'cell');
  const totalLags = rows.filter((r) => r.total && r.kind === 'lag');
  const total = assembleBody(totalCells, totalLags, ctx);

  const groups = new Map<string, { key: GroupKeyValue[]; cells: FunnelRow[]; lags: FunnelRow[] }>();
  if (ctx.breakdown.length > 0) {
    for (const r of rows) {
      if (r.total) continue;
      const id = JSON.stringify([r.g1, r.g2]);
      let g = groups.get(id);
      if (!g) {
        const values = [r.g1, r.g2].slice(0, ctx.breakdown.length);
        g = {
          key: ctx.breakdown.map((d, i) => describeValue(d, values[i] ?? null, ctx.labels)),
          cells: [],
          lags: [],
        };
        groups.set(id, g);
      }
      (r.kind === 'cell' ? g.cells : g.lags).push(r);
    }
  }
  const list = [...groups.values()]
    .filter((g) => g.cells.length > 0)
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) {
        const c = compareValues(a.key[i]!, b.key[i]!);
        if (c !== 0) return c;
      }
      return 0;
    })
    .map((g) => ({ key: g.key, ...assembleBody(g.cells, g.lags, ctx) }));
  return { ...total, groups: list };
}

/** Wilson interval of a share, for services that count outside the funnel statement. */
export function rate(successes: number, trials: number): RateData {
  return toRate(wilsonInterval(successes, trials));
}
