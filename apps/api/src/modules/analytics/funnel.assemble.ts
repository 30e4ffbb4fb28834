/**
 * Turns the aggregated rows of a funnel statement (live or rollup, same shape) into steps, exits
 * and groups. Pure: no database, so the arithmetic is unit-tested on its own.
 */
import {
  funnel as funnelMaths,
  type HistogramBin,
  percentileOfHistogram,
  wilsonInterval,
} from '@werkgezond/domain';
import {
  compareValues,
  describeValue,
  type FunnelDimension,
  type GroupKeyValue,
  type LabelSources,
} from '../../semantic/dimensions.js';
import type {
  ExitReasonData,
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

export const toRate = (r: {
  value: number | null;
  lower: number | null;
  upper: number | null;
}): RateData => ({
  value: r.value,
  lower: r.lower,
  upper: r.upper,
});

/** The rows of one body (the total or one group): exit cells, and lag bins per step position. */
interface BodyRows {
  cells: FunnelRow[];
  /** lagBins[position]: the (days, units) bins of the lag to that step; null lags left out. */
  lagBins: HistogramBin[][];
}

const emptyRows = (): BodyRows => ({ cells: [], lagBins: [] });

function addRow(into: BodyRows, r: FunnelRow): void {
  if (r.kind === 'cell') {
    into.cells.push(r);
    return;
  }
  if (r.step === null || r.lag === null) return;
  const bins = into.lagBins[r.step];
  if (bins) bins.push({ value: r.lag, count: r.n });
  else into.lagBins[r.step] = [{ value: r.lag, count: r.n }];
}

/** Steps, exits and counts of one set of rows (the total, or one group). */
export function assembleBody(
  cells: readonly FunnelRow[],
  lags: readonly FunnelRow[],
  ctx: Pick<AssembleContext, 'steps' | 'exits'>,
): FunnelBody {
  const rows: BodyRows = { cells: [...cells], lagBins: [] };
  for (const r of lags) addRow(rows, r);
  return body(rows, ctx);
}

/**
 * One pass over the cells: units, units per step (n1..n4), exits per step of exit, and per exit
 * stage its count, reasons and steps, in order of first appearance.
 */
function body(rows: BodyRows, ctx: Pick<AssembleContext, 'steps' | 'exits'>): FunnelBody {
  let units = 0;
  let n1 = 0;
  let n2 = 0;
  let n3 = 0;
  let n4 = 0;
  const exitedFrom = new Map<number, number>();
  const byExit = new Map<
    string,
    { count: number; byReason: Map<string | null, number>; byStep: Map<number, number> }
  >();
  for (const e of ctx.exits)
    byExit.set(e.key, { count: 0, byReason: new Map(), byStep: new Map() });
  for (const r of rows.cells) {
    units += r.n;
    n1 += r.n1;
    n2 += r.n2;
    n3 += r.n3;
    n4 += r.n4;
    if (r.xs === null) continue;
    const from = r.xf ?? 0;
    exitedFrom.set(from, (exitedFrom.get(from) ?? 0) + r.n);
    let exit = byExit.get(r.xs);
    if (!exit) {
      exit = { count: 0, byReason: new Map(), byStep: new Map() };
      byExit.set(r.xs, exit);
    }
    exit.count += r.n;
    exit.byReason.set(r.xr, (exit.byReason.get(r.xr) ?? 0) + r.n);
    exit.byStep.set(from, (exit.byStep.get(from) ?? 0) + r.n);
  }
  const reached = [0, n1, n2, n3, n4];
  const maths = funnelMaths(
    ctx.steps.map((s) => ({ key: s.key, count: reached[s.position] ?? 0 })),
  );

  const steps: FunnelStepData[] = ctx.steps.map((s, i) => {
    const m = maths[i]!;
    const previous = i > 0 ? ctx.steps[i - 1]! : null;
    const exited = previous ? (exitedFrom.get(previous.position) ?? 0) : null;
    const dropOff = m.dropOff;
    const bins = i > 0 ? (rows.lagBins[s.position] ?? []) : [];
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

  const exits: FunnelExitData[] = [];
  for (const [key, e] of byExit) {
    const count = e.count;
    const reasons: ExitReasonData[] = [];
    for (const [reason, n] of e.byReason) {
      reasons.push({
        reason,
        label: reasonLabel(reason),
        count: n,
        share: count > 0 ? n / count : null,
      });
    }
    reasons.sort((a, b) => b.count - a.count || String(a.reason).localeCompare(String(b.reason)));
    const fromSteps = [...e.byStep.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([position, n]) => ({ stage: stepKeyAt(ctx.steps, position), count: n }));
    exits.push({ stage: key, label: exitLabel(ctx.exits, key), count, reasons, fromSteps });
  }
  return { units, steps, exits };
}

const stepKeyAt = (steps: readonly StageInfo[], position: number): string | null => {
  for (const s of steps) if (s.position === position) return s.key;
  return null;
};

const exitLabel = (exits: readonly StageInfo[], key: string): string => {
  for (const e of exits) if (e.key === key) return e.label;
  return key;
};

/** The whole answer: the total body and one body per breakdown group, groups in a stable order. */
export function assembleFunnel(
  rows: readonly FunnelRow[],
  ctx: AssembleContext,
): FunnelBody & { groups: FunnelGroupData[] } {
  const total = emptyRows();
  // One group per (g1, g2), in order of first appearance.
  const groups = new Map<string, { g1: string | null; g2: string | null; rows: BodyRows }>();
  const grouped = ctx.breakdown.length > 0;
  for (const r of rows) {
    if (r.total) {
      addRow(total, r);
      continue;
    }
    if (!grouped) continue;
    const id = JSON.stringify([r.g1, r.g2]);
    let g = groups.get(id);
    if (!g) {
      g = { g1: r.g1, g2: r.g2, rows: emptyRows() };
      groups.set(id, g);
    }
    addRow(g.rows, r);
  }
  const list: { key: GroupKeyValue[]; rows: BodyRows }[] = [];
  for (const g of groups.values()) {
    if (g.rows.cells.length === 0) continue;
    const values = [g.g1, g.g2];
    list.push({
      key: ctx.breakdown.map((d, i) => describeValue(d, values[i] ?? null, ctx.labels)),
      rows: g.rows,
    });
  }
  list.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const c = compareValues(a.key[i]!, b.key[i]!);
      if (c !== 0) return c;
    }
    return 0;
  });
  return {
    ...body(total, ctx),
    groups: list.map((g) => ({ key: g.key, ...body(g.rows, ctx) })),
  };
}

/** Wilson interval of a share, for services that count outside the funnel statement. */
export function rate(successes: number, trials: number): RateData {
  return toRate(wilsonInterval(successes, trials));
}
