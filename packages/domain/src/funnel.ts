/**
 * Funnel maths over counts that SQL has already aggregated (companies that reached each
 * step). Kept apart from the query so the arithmetic and its edge cases are tested once.
 */
import { type ProportionInterval, wilsonInterval } from './statistics.js';

export interface FunnelStepCount {
  readonly key: string;
  /** Applications that reached this step (and so every earlier one). */
  readonly count: number;
}

export interface FunnelStep {
  readonly key: string;
  readonly count: number;
  /** Share of the previous step that reached this one; null for the first step. */
  readonly fromPrevious: ProportionInterval | null;
  /** Share of the first step that reached this one (overall conversion so far). */
  readonly fromFirst: ProportionInterval;
  /** How many stopped between the previous step and this one; null for the first step. */
  readonly dropOff: number | null;
}

/**
 * Conversion and drop-off per step, with Wilson intervals. Counts must be non-increasing:
 * a later step cannot be reached by more applications than an earlier one, and a funnel
 * where it is means the query counted something else, so that throws a RangeError.
 */
export function funnel(steps: readonly FunnelStepCount[], confidence = 0.95): FunnelStep[] {
  const first = steps[0];
  if (first === undefined) return [];
  return steps.map((step, i) => {
    const previous = steps[i - 1];
    if (!Number.isSafeInteger(step.count) || step.count < 0) {
      throw new RangeError(`${step.key}: count must be a non-negative integer, got ${step.count}`);
    }
    if (previous !== undefined && step.count > previous.count) {
      throw new RangeError(
        `${step.key}: ${step.count} reached it but only ${previous.count} reached ${previous.key}`,
      );
    }
    return {
      key: step.key,
      count: step.count,
      fromPrevious:
        previous === undefined ? null : wilsonInterval(step.count, previous.count, confidence),
      fromFirst: wilsonInterval(step.count, first.count, confidence),
      dropOff: previous === undefined ? null : previous.count - step.count,
    };
  });
}
