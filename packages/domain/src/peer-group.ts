import { clampThreshold } from './disclosure.js';

/**
 * Which peer group a company may be compared with. A distribution over fewer companies than
 * the disclosure threshold would let a company learn about a handful of identifiable peers, so
 * the rule is the research API's: a group is shown only when it holds at least `threshold`
 * companies (clampThreshold: never fewer than 5). Candidates go from fine to coarse; the first
 * large enough wins, and when none is, nothing is shown.
 */
export interface PeerGroupCandidate<K extends string = string> {
  readonly key: K;
  /** Companies in the group, the company itself included. */
  readonly companies: number;
}

export function choosePeerGroup<K extends string>(
  candidates: readonly PeerGroupCandidate<K>[],
  threshold: number,
): PeerGroupCandidate<K> | null {
  const limit = clampThreshold(threshold);
  for (const c of candidates) {
    if (!Number.isSafeInteger(c.companies) || c.companies < 0) {
      throw new RangeError(`${c.key}: companies must be a non-negative integer`);
    }
  }
  return candidates.find((c) => c.companies >= limit) ?? null;
}
