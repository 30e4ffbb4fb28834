import type { CohortComparison_ProportionFragment } from '@werkgezond/graphql-client';

/** The significance level of the plain-language verdict. */
export const ALPHA = 0.05;

export type Verdict = 'tooSmall' | 'significant' | 'noDifference' | 'none';

/**
 * What may be concluded from one comparison the API made. The API decides whether a group is
 * too small (below minGroupSize) and computes the p-value; the page only puts it into words,
 * and never draws a conclusion from a group that is too small, whatever the p-value.
 */
export function verdictOf(
  comparison: CohortComparison_ProportionFragment | null | undefined,
): Verdict {
  if (!comparison) return 'none';
  if (comparison.tooSmall) return 'tooSmall';
  return comparison.pValue < ALPHA ? 'significant' : 'noDifference';
}
