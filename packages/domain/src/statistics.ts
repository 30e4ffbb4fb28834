/**
 * Small-sample statistics for cohort comparisons. Analysts compare proportions between
 * editions, size classes and channels where groups are often tiny, so the defaults lean
 * towards exact methods and intervals that behave near 0 and 1 (Wilson, Fisher).
 */
import gammainc from '@stdlib/math-base-special-gammainc';
import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

export interface ProportionInterval {
  /** successes / trials, or null when there are no trials (a rate of nothing is undefined). */
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

function assertCount(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
  }
}

function assertTable(a: number, b: number, c: number, d: number): void {
  assertCount('a', a);
  assertCount('b', b);
  assertCount('c', c);
  assertCount('d', d);
}

/**
 * Wilson score interval (without continuity correction) for a binomial proportion; `value` is
 * the observed proportion, not the interval's centre. Unlike the Wald interval it stays inside
 * [0, 1] and does not collapse to a point at 0 or n successes. With zero trials every field
 * is null, so callers must show "no data" rather than a misleading 0 %.
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  confidence = 0.95,
): ProportionInterval {
  assertCount('successes', successes);
  assertCount('trials', trials);
  if (successes > trials) throw new RangeError(`successes ${successes} > trials ${trials}`);
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must lie strictly between 0 and 1, got ${confidence}`);
  }
  if (trials === 0) return { value: null, lower: null, upper: null };
  const z = normalQuantile(1 - (1 - confidence) / 2, 0, 1);
  const p = successes / trials;
  const z2n = (z * z) / trials;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / trials + z2n / (4 * trials));
  // At 0 or n successes the bound is exactly 0 or 1; rounding would make it 1e-17 off.
  const lower = successes === 0 ? 0 : Math.max(0, centre - half);
  const upper = successes === trials ? 1 : Math.min(1, centre + half);
  return { value: p, lower, upper };
}

/**
 * Percentile with linear interpolation between closest ranks, as PostgreSQL's
 * percentile_cont and R's quantile(type = 7): so Node and SQL results agree.
 * `p` is a fraction in [0, 1]. Returns null for no values, as the SQL aggregate does.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must lie in [0, 1], got ${p}`);
  if (values.some((v) => Number.isNaN(v))) throw new RangeError('values must not contain NaN');
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * p;
  const below = Math.floor(rank);
  const low = sorted[below] as number;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return low + (rank - below) * (high - low);
}

export interface HistogramBin {
  readonly value: number;
  /** How many observations have exactly this value. */
  readonly count: number;
}

/**
 * {@link percentile} of the multiset a histogram describes, without expanding it: SQL can
 * return a few hundred (value, count) pairs instead of a row per application, and the result is
 * the same as percentile_cont over the underlying values. Bins need not be sorted; values may
 * repeat across bins. Returns null when the histogram holds no observations.
 */
export function percentileOfHistogram(bins: readonly HistogramBin[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must lie in [0, 1], got ${p}`);
  for (const bin of bins) {
    if (!Number.isFinite(bin.value))
      throw new RangeError(`bin values must be finite, got ${bin.value}`);
    assertCount('bin count', bin.count);
  }
  const sorted = bins.filter((b) => b.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, b) => sum + b.count, 0);
  if (total === 0) return null;
  const rank = (total - 1) * p;
  const below = Math.floor(rank);
  // The values at 0-based positions `below` and `below + 1` of the expanded, sorted multiset.
  const valueAt = (position: number): number => {
    let seen = 0;
    for (const bin of sorted) {
      seen += bin.count;
      if (position < seen) return bin.value;
    }
    return (sorted.at(-1) as HistogramBin).value;
  };
  const low = valueAt(below);
  const high = valueAt(Math.min(below + 1, total - 1));
  return low + (rank - below) * (high - low);
}

export interface TestResult {
  readonly pValue: number;
}

export interface ChiSquareResult extends TestResult {
  readonly statistic: number;
}

/** Upper tail P(X >= x) of the chi-square distribution, via the regularised upper gamma. */
export function chiSquareSurvival(x: number, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom > 0)) throw new RangeError('degrees of freedom must be positive');
  if (x <= 0) return 1;
  // gammainc(x, a, regularized, upper): the upper tail directly, so tiny p-values keep
  // their precision instead of vanishing in 1 - cdf.
  return gammainc(x / 2, degreesOfFreedom / 2, true, true);
}

// R's fisher.test treats tables whose probability is within this relative distance of the
// observed one as "as extreme", so floating-point noise does not decide the p-value.
const FISHER_RELATIVE_TOLERANCE = 1e-7;

/**
 * Fisher's exact test, two-sided, for the table [[a, b], [c, d]]: the summed probability of
 * every table with the same margins that is no more likely than the observed one (R's
 * fisher.test definition). A table with an empty row or column gives 1.
 */
export function fisherExactTest(a: number, b: number, c: number, d: number): TestResult {
  assertTable(a, b, c, d);
  const total = a + b + c + d;
  const firstColumn = a + c;
  const firstRow = a + b;
  const lo = Math.max(0, firstRow - (b + d));
  const hi = Math.min(firstRow, firstColumn);
  const probabilities: number[] = [];
  for (let x = lo; x <= hi; x++)
    probabilities.push(hypergeometricPmf(x, total, firstColumn, firstRow));
  const observed = probabilities[a - lo] ?? 0;
  const limit = observed * (1 + FISHER_RELATIVE_TOLERANCE);
  // Divided by the sum of all probabilities, as R does, so rounding in the log-factorials
  // cancels out and a table with only one possible arrangement gives exactly 1.
  let selected = 0;
  let all = 0;
  for (const px of probabilities) {
    all += px;
    if (px <= limit) selected += px;
  }
  const pValue = selected / all;
  return { pValue: Math.min(1, pValue) };
}

/**
 * Pearson's chi-square test without continuity correction for [[a, b], [c, d]], as R's
 * chisq.test(correct = FALSE) and prop.test(correct = FALSE). The statistic is undefined when
 * a row or column is empty, so that throws a RangeError.
 */
export function chiSquareTest2x2(a: number, b: number, c: number, d: number): ChiSquareResult {
  assertTable(a, b, c, d);
  const margins = [a + b, c + d, a + c, b + d];
  if (margins.some((m) => m === 0)) {
    throw new RangeError('chi-square test needs every row and column total to be positive');
  }
  const [r1, r2, c1, c2] = margins as [number, number, number, number];
  const total = r1 + r2;
  const cross = a * d - b * c;
  // Written as ratios so large tables do not lose precision to overflowing products.
  const statistic = ((cross / r1) * (cross / r2) * total) / c1 / c2;
  return { statistic, pValue: chiSquareSurvival(statistic, 1) };
}

export interface ProportionComparison {
  /** x1/n1 - x2/n2, or null when a group is empty. */
  readonly difference: number | null;
  readonly pValue: number;
  readonly test: 'FISHER' | 'CHI_SQUARE';
  /** Either group has fewer than `minGroup` members: show the numbers, not a verdict. */
  readonly tooSmall: boolean;
}

export interface CompareProportionsOptions {
  readonly minGroup?: number;
}

/**
 * Compares two proportions. Pearson's chi-square is used only when every expected count is at
 * least 5 (Cochran's rule, where its approximation is good); otherwise Fisher's exact test.
 */
export function compareProportions(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  { minGroup = 10 }: CompareProportionsOptions = {},
): ProportionComparison {
  assertCount('x1', x1);
  assertCount('n1', n1);
  assertCount('x2', x2);
  assertCount('n2', n2);
  if (x1 > n1 || x2 > n2) throw new RangeError('successes cannot exceed group size');
  const [a, b, c, d] = [x1, n1 - x1, x2, n2 - x2];
  const total = n1 + n2;
  const expected = [n1, n2].flatMap((row) => [a + c, b + d].map((col) => (row * col) / total));
  const useChiSquare = total > 0 && expected.every((e) => e >= 5);
  const pValue = useChiSquare
    ? chiSquareTest2x2(a, b, c, d).pValue
    : fisherExactTest(a, b, c, d).pValue;
  return {
    difference: n1 === 0 || n2 === 0 ? null : x1 / n1 - x2 / n2,
    pValue,
    test: useChiSquare ? 'CHI_SQUARE' : 'FISHER',
    tooSmall: n1 < minGroup || n2 < minGroup,
  };
}

/**
 * P(|T| < t) for Student's t with an integer number of degrees of freedom, by the closed
 * finite series of Abramowitz & Stegun 26.7.3–4 (exact, no special functions needed).
 */
function studentTCentral(t: number, df: number): number {
  const theta = Math.atan(Math.abs(t) / Math.sqrt(df));
  const s = Math.sin(theta);
  const c = Math.cos(theta);
  if (df === 1) return (2 / Math.PI) * theta;
  if (df % 2 === 1) {
    let term = c;
    let sum = c;
    for (let k = 3; k <= df - 2; k += 2) {
      term *= (c * c * (k - 1)) / k;
      sum += term;
    }
    return (2 / Math.PI) * (theta + s * sum);
  }
  let term = 1;
  let sum = 1;
  for (let k = 2; k <= df - 2; k += 2) {
    term *= (c * c * (k - 1)) / k;
    sum += term;
  }
  return s * sum;
}

/** Two-sided critical value of Student's t: P(|T| < q) = confidence, by bisection. */
export function studentTQuantile(confidence: number, degreesOfFreedom: number): number {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must lie strictly between 0 and 1, got ${confidence}`);
  }
  if (!Number.isSafeInteger(degreesOfFreedom) || degreesOfFreedom < 1) {
    throw new RangeError(`degrees of freedom must be a positive integer, got ${degreesOfFreedom}`);
  }
  let lo = 0;
  let hi = 1;
  while (studentTCentral(hi, degreesOfFreedom) < confidence) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCentral(mid, degreesOfFreedom) < confidence) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface MeanInterval {
  readonly n: number;
  /** The sample mean, or null without observations. */
  readonly mean: number | null;
  /** t-interval bounds; null below two observations (no spread can be estimated). */
  readonly lower: number | null;
  readonly upper: number | null;
}

/**
 * The t-interval for a mean from its summary (n, mean, sample standard deviation), e.g. the
 * mean of paired differences: SQL returns count, avg and stddev_samp, so no rows reach Node.
 */
export function meanInterval(
  n: number,
  mean: number | null,
  standardDeviation: number | null,
  confidence = 0.95,
): MeanInterval {
  assertCount('n', n);
  if (n === 0 || mean === null) return { n, mean: null, lower: null, upper: null };
  if (!Number.isFinite(mean)) throw new RangeError(`mean must be finite, got ${mean}`);
  if (n < 2 || standardDeviation === null) return { n, mean, lower: null, upper: null };
  if (!(standardDeviation >= 0)) {
    throw new RangeError(`standard deviation must be non-negative, got ${standardDeviation}`);
  }
  const half = (studentTQuantile(confidence, n - 1) * standardDeviation) / Math.sqrt(n);
  return { n, mean, lower: mean - half, upper: mean + half };
}
