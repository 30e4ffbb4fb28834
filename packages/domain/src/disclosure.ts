/**
 * Statistical disclosure control for count tables published through the research API.
 *
 * Primary suppression hides small counts (a group of three companies can be identified).
 * Secondary suppression hides further cells so that the published margins cannot give a
 * hidden count back by subtraction. Zero cells are published: "no company" is rarely
 * sensitive, and hiding zeros would push secondary suppression onto informative cells.
 */

export interface CountCell {
  readonly key: string;
  readonly value: number;
  /** Cells sharing a rowKey form a row whose total is published. */
  readonly rowKey?: string;
  /** Cells sharing a colKey form a column whose total is published. */
  readonly colKey?: string;
}

export type SuppressionReason = 'FREQUENCY' | 'SECONDARY';

export interface ProtectedCell {
  readonly key: string;
  readonly value: number | null;
  readonly suppressed: boolean;
  readonly reason: SuppressionReason | null;
  readonly rowKey?: string;
  readonly colKey?: string;
}

export interface SuppressionOptions {
  /** Counts from 1 to threshold - 1 are suppressed; raised to at least 5, see clampThreshold. */
  readonly threshold?: number;
}

/** Raised when no cell suppression can protect a table, e.g. a row holding a single cell. */
export class DisclosureError extends Error {
  override readonly name = 'DisclosureError';
}

const MIN_THRESHOLD = 5;

/** A threshold a caller cannot set below 5, whatever a request or configuration asks. */
export function clampThreshold(threshold: number): number {
  if (!Number.isFinite(threshold)) throw new RangeError(`Invalid threshold ${threshold}`);
  return Math.max(MIN_THRESHOLD, Math.ceil(threshold));
}

export interface DominanceOptions {
  readonly n?: number;
  readonly k?: number;
}

/**
 * The (n, k) dominance rule for magnitude cells (e.g. spending per group): a cell is sensitive
 * when its n largest contributors make up more than fraction k of its total, since each of
 * them could then estimate the others closely.
 */
export function dominanceSuppressed(
  contributions: readonly number[],
  { n = 2, k = 0.85 }: DominanceOptions = {},
): boolean {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!(k > 0 && k <= 1)) throw new RangeError(`k must lie in (0, 1], got ${k}`);
  if (contributions.some((c) => !(Number.isFinite(c) && c >= 0))) {
    throw new RangeError('contributions must be finite and non-negative');
  }
  const sorted = [...contributions].sort((a, b) => b - a);
  const total = sorted.reduce((sum, c) => sum + c, 0);
  if (total === 0) return false;
  const top = sorted.slice(0, n).reduce((sum, c) => sum + c, 0);
  return top > k * total;
}

// Tolerance for the elimination below; the matrix holds 0/1 entries, so real pivots are far
// larger than rounding noise.
const EPSILON = 1e-9;

/**
 * Indices (into `columns`) of unknowns that the equations fix uniquely: an attacker who knows
 * every published margin can solve for them. Gauss-Jordan elimination on the 0/1 incidence
 * matrix (groups × suppressed cells): an unknown is fixed when its column has a pivot whose
 * row has no entry in any free column.
 */
function determinedCells(groups: readonly number[][], columns: readonly number[]): number[] {
  const position = new Map(columns.map((cell, j) => [cell, j]));
  const rows = groups
    .map((group) => {
      const row = new Array<number>(columns.length).fill(0);
      for (const cell of group) {
        const j = position.get(cell);
        if (j !== undefined) row[j] = 1;
      }
      return row;
    })
    .filter((row) => row.some((v) => v !== 0));
  const pivotRowOfColumn = new Map<number, number[]>();
  let rank = 0;
  for (let j = 0; j < columns.length && rank < rows.length; j++) {
    let best = rank;
    for (let i = rank + 1; i < rows.length; i++) {
      if (Math.abs(rows[i]?.[j] ?? 0) > Math.abs(rows[best]?.[j] ?? 0)) best = i;
    }
    const pivotRow = rows[best] as number[];
    const pivot = pivotRow[j] ?? 0;
    if (Math.abs(pivot) < EPSILON) continue;
    rows[best] = rows[rank] as number[];
    rows[rank] = pivotRow;
    for (let c = 0; c < columns.length; c++) pivotRow[c] = (pivotRow[c] ?? 0) / pivot;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as number[];
      const factor = row[j] ?? 0;
      if (i === rank || Math.abs(factor) < EPSILON) continue;
      for (let c = 0; c < columns.length; c++) row[c] = (row[c] ?? 0) - factor * (pivotRow[c] ?? 0);
    }
    pivotRowOfColumn.set(j, pivotRow);
    rank++;
  }
  const determined: number[] = [];
  for (const [j, row] of pivotRowOfColumn) {
    const free = row.some((v, c) => c !== j && !pivotRowOfColumn.has(c) && Math.abs(v) > EPSILON);
    if (!free) determined.push(j);
  }
  return determined.sort((a, b) => a - b);
}

/**
 * Suppresses a count table so that no hidden count can be recovered from the published cells
 * and margins. Groups whose totals are published: every row (rowKey), every column (colKey)
 * and the table as a whole, so a one-dimensional table is one group.
 *
 * 1. Primary: counts from 1 to threshold - 1 (reason FREQUENCY).
 * 2. Secondary (reason SECONDARY), repeated until nothing changes: a group holding exactly one
 *    hidden cell gets a second one; then any hidden cell the margins still fix (e.g. a cell
 *    that links two otherwise separate blocks of hidden cells) gets a neighbour hidden too.
 *    The smallest non-zero visible cell is chosen, so little information is lost.
 *
 * This guards against exact recovery by linear equations. It does not widen the bounds an
 * attacker can derive from non-negativity: a hidden cell is still known to be at most its
 * group's hidden total. Feed complete tables (zero cells included) so every row and column
 * has cells to hide; when a hidden cell cannot be protected a DisclosureError is thrown.
 */
export function suppressCounts(
  cells: readonly CountCell[],
  { threshold = 10 }: SuppressionOptions = {},
): ProtectedCell[] {
  const limit = clampThreshold(threshold);
  const seen = new Set<string>();
  for (const cell of cells) {
    if (seen.has(cell.key)) throw new RangeError(`Duplicate cell key ${cell.key}`);
    seen.add(cell.key);
    if (!Number.isSafeInteger(cell.value) || cell.value < 0) {
      throw new RangeError(`${cell.key}: counts must be non-negative integers, got ${cell.value}`);
    }
  }

  const reasons: (SuppressionReason | null)[] = cells.map((c) =>
    c.value > 0 && c.value < limit ? 'FREQUENCY' : null,
  );
  const groups = publishedGroups(cells);
  const groupsOf = cells.map((_, i) => groups.filter((g) => g.includes(i)));
  const isHidden = (i: number) => reasons[i] !== null;

  // Smallest visible cell among the candidates; zeros last, as hiding a zero protects little.
  const pickComplement = (candidates: readonly number[]): number | undefined =>
    candidates
      .filter((i) => !isHidden(i))
      .sort((x, y) => {
        const a = cells[x] as CountCell;
        const b = cells[y] as CountCell;
        const zeroFirst = Number(a.value === 0) - Number(b.value === 0);
        if (zeroFirst !== 0) return zeroFirst;
        if (a.value !== b.value) return a.value - b.value;
        return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
      })[0];

  for (;;) {
    let changed = false;
    for (const group of groups) {
      if (group.filter(isHidden).length !== 1) continue;
      const complement = pickComplement(group);
      if (complement !== undefined) {
        reasons[complement] = 'SECONDARY';
        changed = true;
      }
    }
    if (changed) continue;

    const hidden = cells.map((_, i) => i).filter(isHidden);
    const exposed = determinedCells(groups, hidden).map((j) => hidden[j] as number);
    const first = exposed[0];
    if (first === undefined) break;
    const complement = pickComplement((groupsOf[first] ?? []).flat());
    if (complement === undefined) {
      throw new DisclosureError(
        `Cell ${cells[first]?.key} can be recovered from the margins and no cell next to it is ` +
          'left to hide; include zero cells or do not publish its margins',
      );
    }
    reasons[complement] = 'SECONDARY';
  }

  return cells.map((cell, i) => {
    const reason = reasons[i] ?? null;
    return {
      ...cell,
      value: reason === null ? cell.value : null,
      suppressed: reason !== null,
      reason,
    };
  });
}

/**
 * Cell indices per published total: each row, each column, then the whole table. The table
 * comes last so that, in a two-dimensional table, a row or column picks the complement.
 */
function publishedGroups(cells: readonly CountCell[]): number[][] {
  const rows = new Map<string, number[]>();
  const cols = new Map<string, number[]>();
  cells.forEach((cell, i) => {
    if (cell.rowKey !== undefined) rows.set(cell.rowKey, [...(rows.get(cell.rowKey) ?? []), i]);
    if (cell.colKey !== undefined) cols.set(cell.colKey, [...(cols.get(cell.colKey) ?? []), i]);
  });
  return [...rows.values(), ...cols.values(), cells.map((_, i) => i)];
}
