/**
 * The measures of the semantic layer, written once over a bound: `bound` is an SQL timestamptz
 * expression, the first instant after the "as of" day in Brussels (dayEnd), or null for every
 * event recorded. Analytics funnels, the rollup, drop-off, lead time and the research API's
 * funnel states all count with these expressions over the units of units.ts.
 */
import { localDay, stepAt } from './units.js';

export const STEP_NUMBERS = [1, 2, 3, 4] as const;

/** Per-unit columns: reached step k, exit as of the bound, lag to step k in days. */
export function metricSql(steps: number, bound: string | null) {
  const reached = (k: number) =>
    bound === null ? `(${stepAt(k)} IS NOT NULL)` : `COALESCE(${stepAt(k)} < ${bound}, false)`;
  const exitVisible = bound === null ? 'a.exit_at IS NOT NULL' : `a.exit_at < ${bound}`;
  const fromStep = `CASE ${STEP_NUMBERS.slice(0, steps)
    .reverse()
    .map((k) => `WHEN ${stepAt(k)} <= a.exit_at THEN ${k}`)
    .join(' ')} ELSE 0 END`;
  return {
    reached,
    /** Furthest step reached (0: none). */
    furthest: `CASE ${STEP_NUMBERS.slice(0, steps)
      .reverse()
      .map((k) => `WHEN ${reached(k)} THEN ${k}`)
      .join(' ')} ELSE 0 END`,
    exitVisible,
    xs: `CASE WHEN ${exitVisible} THEN a.exit_stage END`,
    xr: `CASE WHEN ${exitVisible} THEN a.exit_reason END`,
    xf: `CASE WHEN ${exitVisible} THEN ${fromStep} END`,
    lag: (k: number) =>
      `CASE WHEN ${reached(k)} THEN ${localDay(stepAt(k))} - ${localDay(stepAt(k - 1))} END`,
    /**
     * The decision (the second step, or an exit among `decisionExits`, whichever came first) as
     * of the bound, and its lead time in whole days from the first step.
     */
    decidedAt: (decisionExits: string) =>
      `LEAST(CASE WHEN ${reached(2)} THEN ${stepAt(2)} END,
             CASE WHEN ${exitVisible} AND a.exit_stage = ANY(${decisionExits}) THEN a.exit_at END)`,
  };
}

/** Whole days from the first step to a decision time. */
export const leadDays = (decidedAt: string) => `${localDay(decidedAt)} - ${localDay(stepAt(1))}`;

/** Lead-time week bucket: week w holds (7w, 7w + 7] days, week 0 also day 0; week 12: > 84 days. */
export const weekBucket = (days: string) =>
  `CASE WHEN ${days} <= 7 THEN 0 ELSE LEAST(12, ceil((${days}) / 7.0)::int - 1) END`;
