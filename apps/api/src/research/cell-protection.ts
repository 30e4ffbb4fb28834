import {
  type CellRelation,
  dominanceSuppressed,
  type LinkedCell,
  type LinkedResult,
  perturbCount,
  protectLinkedCells,
  wilsonInterval,
} from '@werkgezond/domain';
import type { AmountCell, CellReason, CountCell, RateCell } from './research.types.js';

export const hiddenCount = (reason: CellReason): CountCell => ({
  value: null,
  suppressed: true,
  reason,
});

/**
 * A released count: withheld as the suppression decided, else perturbed with the cell key of
 * its records (`keySum`, the sum of their record keys), so the same cell always shows the same
 * value however it is asked for.
 */
export const toCountCell = (
  r: LinkedResult | undefined,
  value: number,
  keySum: number,
): CountCell =>
  r?.suppressed
    ? { value: null, suppressed: true, reason: r.reason ?? 'SECONDARY' }
    : { value: perturbCount(value, keySum), suppressed: false, reason: null };

export const toAmountCell = (r: LinkedResult | undefined, cents: number): AmountCell =>
  r?.suppressed
    ? { cents: null, suppressed: true, reason: r.reason ?? 'SECONDARY' }
    : { cents: Math.round(cents), suppressed: false, reason: null };

/** A share k / n with its Wilson interval, withheld when either count is. */
export function rateCell(numerator: CountCell, denominator: CountCell): RateCell {
  if (numerator.value === null || denominator.value === null) {
    return { value: null, lower: null, upper: null, suppressed: true, reason: 'DERIVED' };
  }
  if (denominator.value === 0) {
    return { value: null, lower: null, upper: null, suppressed: false, reason: null };
  }
  const { lower, upper } = wilsonInterval(numerator.value, denominator.value);
  return {
    value: numerator.value / denominator.value,
    lower,
    upper,
    suppressed: false,
    reason: null,
  };
}

/**
 * Dominance for an amount cell from its largest two contributions, the rest and their number:
 * the (2, 85%) rule of @werkgezond/domain on a list that has the same top two and total.
 */
export function amountDominated(top1: number, top2: number, total: number, payers: number) {
  const rest = Math.max(0, total - top1 - top2);
  const others = Math.max(0, payers - 2);
  const contributions = [top1, top2, ...Array.from({ length: others }, () => rest / others)];
  return dominanceSuppressed(contributions.filter((c) => c > 0));
}

/** Runs the linked-cell suppression and indexes the results by key. */
export function protect(
  cells: readonly LinkedCell[],
  relations: readonly CellRelation[],
  threshold: number,
): Map<string, LinkedResult> {
  return new Map(protectLinkedCells(cells, relations, { threshold }).map((r) => [r.key, r]));
}
