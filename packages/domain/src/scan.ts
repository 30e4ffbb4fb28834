/**
 * Scoring of the health-policy scan (gezondheidsbeleid-scan). The instrument is data: items
 * grouped in domains, each answered on a points scale from 0 to its maximum. A score is the
 * share of the attainable points, 0–100: per domain, and overall over all items, so every item
 * weighs the same and the overall score is not an average of unequal domains.
 */
export interface ScanItemRule {
  readonly key: string;
  readonly domainKey: string;
  readonly maxPoints: number;
  readonly required: boolean;
}

export type ScanAnswers = Readonly<Record<string, number | null | undefined>>;

export type ScanProblem =
  | { readonly kind: 'UNKNOWN_ITEM'; readonly itemKey: string }
  | { readonly kind: 'OUT_OF_RANGE'; readonly itemKey: string; readonly max: number }
  | { readonly kind: 'UNANSWERED'; readonly itemKey: string };

export interface ScanScores {
  /** 0–100 over all answered items, one decimal; null when nothing is answered. */
  readonly overall: number | null;
  readonly domains: readonly { readonly key: string; readonly score: number | null }[];
}

/** Problems of a set of answers; `complete` also requires every required item answered. */
export function scanProblems(
  items: readonly ScanItemRule[],
  answers: ScanAnswers,
  complete: boolean,
): ScanProblem[] {
  const byKey = new Map(items.map((i) => [i.key, i]));
  const problems: ScanProblem[] = [];
  for (const [itemKey, value] of Object.entries(answers)) {
    const item = byKey.get(itemKey);
    if (!item) problems.push({ kind: 'UNKNOWN_ITEM', itemKey });
    else if (
      value !== null &&
      value !== undefined &&
      !(Number.isInteger(value) && value >= 0 && value <= item.maxPoints)
    )
      problems.push({ kind: 'OUT_OF_RANGE', itemKey, max: item.maxPoints });
  }
  if (complete) {
    for (const item of items) {
      const v = answers[item.key];
      if (item.required && (v === null || v === undefined))
        problems.push({ kind: 'UNANSWERED', itemKey: item.key });
    }
  }
  return problems;
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/** Scores of valid answers (see scanProblems); unanswered optional items do not count. */
export function scoreScan(
  items: readonly ScanItemRule[],
  domainKeys: readonly string[],
  answers: ScanAnswers,
): ScanScores {
  const sum = (list: readonly ScanItemRule[]) => {
    let points = 0;
    let max = 0;
    for (const item of list) {
      const v = answers[item.key];
      if (v === null || v === undefined) continue;
      points += v;
      max += item.maxPoints;
    }
    return max > 0 ? oneDecimal((100 * points) / max) : null;
  };
  return {
    overall: sum(items),
    domains: domainKeys.map((key) => ({
      key,
      score: sum(items.filter((i) => i.domainKey === key)),
    })),
  };
}

/** The `count` lowest-scoring domains (ties by instrument order), for suggestions. */
export function lowestDomains(scores: ScanScores, count: number): string[] {
  return scores.domains
    .map((d, position) => ({ ...d, position }))
    .filter((d) => d.score !== null)
    .sort((a, b) => (a.score as number) - (b.score as number) || a.position - b.position)
    .slice(0, count)
    .map((d) => d.key);
}
