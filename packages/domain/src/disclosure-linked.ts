/**
 * Cell suppression for answers whose numbers are tied together by more than row and column
 * totals: a funnel's steps and exits, a cube with three dimensions, cumulative counts. It
 * generalises suppressCounts (disclosure.ts): every published or implied equation is a
 * `relation` ("this total is the sum of these parts", or "the sum of these parts is known"),
 * and no sensitive cell may be pinned down by any combination of them.
 *
 * Determinedness is structural: whether an attacker can solve for a hidden cell depends only on
 * which cells are hidden and on the relations, never on the values. One pattern therefore
 * protects every measure that shares the structure (applications and companies of a cube).
 */
import { clampThreshold, DisclosureError } from './disclosure.js';

export interface LinkedCell {
  readonly key: string;
  /** A count or an amount (non-negative); used to choose cheap complements. */
  readonly value: number;
  /** Distinct units (companies) behind the value; defaults to the value itself. */
  readonly contributors?: number;
  /** Sensitive for a reason other than its size, e.g. the dominance rule for amounts. */
  readonly dominated?: boolean;
  /**
   * false: a quantity the answer does not show but that the relations involve (e.g. the
   * companies still in progress between two published steps). It is hidden by construction and
   * protected like any other cell when it is small.
   */
  readonly published?: boolean;
  /**
   * Sensitive whatever its size, for this reason: e.g. DIFFERENCING for a number that differs
   * from one another answer publishes by a change the caller must not reveal, or a cell a
   * coarser answer withholds (which the finer answer must not give back).
   */
  readonly primary?: LinkedReason;
  /**
   * The attacker knows this value whether or not an answer shows it, e.g. an unpublished zero
   * inside a published zero total (non-negativity forces it). It is a constant in the
   * relations, never sensitive and never chosen as a complement; `published` still says
   * whether the answer shows it.
   */
  readonly known?: boolean;
  /**
   * What withholding this cell costs when complements are chosen (default: its value). Lower
   * costs are hidden first, so a caller can protect headline numbers at the expense of detail.
   */
  readonly cost?: number;
}

/** `total` = sum of `parts`; without `total`, the sum of the parts is taken as known. */
export interface CellRelation {
  readonly total?: string;
  readonly parts: readonly string[];
}

export type LinkedReason = 'FREQUENCY' | 'DOMINANCE' | 'SECONDARY' | 'DIFFERENCING';

export interface LinkedResult {
  readonly key: string;
  readonly value: number | null;
  readonly suppressed: boolean;
  readonly reason: LinkedReason | null;
}

export interface LinkedOptions {
  /** Cells with 1 .. threshold - 1 contributors are suppressed; never below 5. */
  readonly threshold?: number;
}

const EPSILON = 1e-9;

/**
 * Indices (into `unknowns`) fixed by the relations, by Gauss-Jordan elimination: an unknown is
 * fixed when its pivot row has no entry in a free column. `rows` hold coefficients per unknown.
 */
function fixedUnknowns(rows: Float64Array[], unknowns: number): Set<number> {
  const pivotRow = new Map<number, Float64Array>();
  let rank = 0;
  for (let j = 0; j < unknowns && rank < rows.length; j++) {
    let best = -1;
    for (let i = rank; i < rows.length; i++) {
      const v = Math.abs((rows[i] as Float64Array)[j] as number);
      if (v > EPSILON && (best < 0 || v > Math.abs((rows[best] as Float64Array)[j] as number))) {
        best = i;
      }
    }
    if (best < 0) continue;
    const pivot = rows[best] as Float64Array;
    rows[best] = rows[rank] as Float64Array;
    rows[rank] = pivot;
    const p = pivot[j] as number;
    for (let c = 0; c < unknowns; c++) pivot[c] = (pivot[c] as number) / p;
    for (let i = 0; i < rows.length; i++) {
      if (i === rank) continue;
      const row = rows[i] as Float64Array;
      const factor = row[j] as number;
      if (Math.abs(factor) < EPSILON) continue;
      for (let c = j; c < unknowns; c++)
        row[c] = (row[c] as number) - factor * (pivot[c] as number);
    }
    pivotRow.set(j, pivot);
    rank++;
  }
  const fixed = new Set<number>();
  for (const [j, row] of pivotRow) {
    let free = false;
    for (let c = 0; c < unknowns && !free; c++) {
      if (c !== j && !pivotRow.has(c) && Math.abs(row[c] as number) > EPSILON) free = true;
    }
    if (!free) fixed.add(j);
  }
  return fixed;
}

/**
 * Sensitive hidden cells (indices into the cells) that the relations pin down. The relations
 * are first reduced without changing what they determine: a hidden, non-sensitive cell that
 * occurs in one relation only (a slack, e.g. the change between two dates when it is large)
 * makes that relation useless for solving anything else, so both are dropped, repeatedly.
 * What is left falls apart into independent blocks, each solved by elimination on its own.
 */
function determinedSensitive(
  links: readonly { total: number; parts: readonly number[] }[],
  cellCount: number,
  isHidden: (i: number) => boolean,
  sensitive: readonly boolean[],
): number[] {
  // Sparse rows over hidden cells: cell index -> coefficient.
  const rows: Map<number, number>[] = [];
  for (const link of links) {
    const row = new Map<number, number>();
    for (const i of link.parts) if (isHidden(i)) row.set(i, (row.get(i) ?? 0) + 1);
    if (link.total >= 0 && isHidden(link.total)) {
      row.set(link.total, (row.get(link.total) ?? 0) - 1);
    }
    for (const [i, c] of row) if (c === 0) row.delete(i);
    if (row.size > 0) rows.push(row);
  }
  const rowsOf = new Map<number, Set<number>>();
  rows.forEach((row, r) => {
    for (const i of row.keys()) {
      const set = rowsOf.get(i) ?? new Set<number>();
      set.add(r);
      rowsOf.set(i, set);
    }
  });
  const alive = new Set(rows.keys());
  const queue = [...rowsOf.keys()].filter((i) => !sensitive[i] && rowsOf.get(i)?.size === 1);
  while (queue.length > 0) {
    const i = queue.pop() as number;
    const own = rowsOf.get(i);
    if (own?.size !== 1) continue;
    const [r] = own as Set<number>;
    alive.delete(r as number);
    for (const j of (rows[r as number] as Map<number, number>).keys()) {
      const set = rowsOf.get(j) as Set<number>;
      set.delete(r as number);
      if (!sensitive[j] && set.size === 1) queue.push(j);
    }
  }

  // Independent blocks: rows sharing a cell belong together (union-find over cells).
  const parent = new Int32Array(cellCount).map((_, i) => i);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[x] !== root) {
      const next = parent[x] as number;
      parent[x] = root;
      x = next;
    }
    return root;
  };
  for (const r of alive) {
    const [first, ...rest] = (rows[r] as Map<number, number>).keys();
    for (const j of rest) parent[find(j)] = find(first as number);
  }
  const blocks = new Map<number, number[]>();
  for (const r of alive) {
    const [first] = (rows[r] as Map<number, number>).keys();
    const root = find(first as number);
    const list = blocks.get(root);
    if (list) list.push(r);
    else blocks.set(root, [r]);
  }

  const exposed: number[] = [];
  for (const blockRows of blocks.values()) {
    const cellsOfBlock = [
      ...new Set(blockRows.flatMap((r) => [...(rows[r] as Map<number, number>).keys()])),
    ];
    if (!cellsOfBlock.some((i) => sensitive[i])) continue;
    const column = new Map(cellsOfBlock.map((i, j) => [i, j]));
    const dense = blockRows.map((r) => {
      const row = new Float64Array(cellsOfBlock.length);
      for (const [i, c] of rows[r] as Map<number, number>) row[column.get(i) as number] = c;
      return row;
    });
    for (const j of fixedUnknowns(dense, cellsOfBlock.length)) {
      const i = cellsOfBlock[j] as number;
      if (sensitive[i]) exposed.push(i);
    }
  }
  return exposed.sort((a, b) => a - b);
}

/**
 * Suppresses cells so that no sensitive cell (1 .. threshold - 1 contributors: FREQUENCY;
 * `dominated`: DOMINANCE; `primary`: its own reason) can be solved for from the published
 * cells and the relations.
 *
 * 1. Primary suppression as above; zeros stay published (unless `primary` says otherwise).
 * 2. Repeated until no sensitive cell is determined: for each determined sensitive cell, the
 *    cheapest (by `cost`, default the value) non-zero published cell sharing a relation with it
 *    (or, failing that, the nearest one through its hidden neighbours) is hidden as well
 *    (SECONDARY).
 * 3. When no cell is left to hide, every published non-zero cell is hidden: the answer then
 *    says nothing rather than too much.
 *
 * Like suppressCounts this guards against exact recovery, not against bounds an attacker can
 * derive from non-negativity.
 */
export function protectLinkedCells(
  cells: readonly LinkedCell[],
  relations: readonly CellRelation[],
  { threshold = 10 }: LinkedOptions = {},
): LinkedResult[] {
  const limit = clampThreshold(threshold);
  const index = new Map<string, number>();
  cells.forEach((cell, i) => {
    if (index.has(cell.key)) throw new RangeError(`Duplicate cell key ${cell.key}`);
    if (!(Number.isFinite(cell.value) && cell.value >= 0)) {
      throw new RangeError(`${cell.key}: values must be finite and non-negative`);
    }
    index.set(cell.key, i);
  });
  const at = (key: string) => {
    const i = index.get(key);
    if (i === undefined) throw new RangeError(`Relation names unknown cell ${key}`);
    return i;
  };
  const links = relations.map((r) => ({
    total: r.total === undefined ? -1 : at(r.total),
    parts: r.parts.map(at),
  }));
  const relationsOf = cells.map(() => [] as number[]);
  links.forEach((link, r) => {
    for (const i of [...link.parts, ...(link.total >= 0 ? [link.total] : [])]) {
      relationsOf[i]?.push(r);
    }
  });

  const reasons: (LinkedReason | null)[] = cells.map((cell) => {
    if (cell.known) return null;
    if (cell.dominated && cell.value > 0) return 'DOMINANCE';
    const contributors = cell.contributors ?? cell.value;
    if (contributors > 0 && contributors < limit) return 'FREQUENCY';
    return cell.primary ?? null;
  });
  const sensitive = reasons.map((r) => r !== null);
  const isHidden = (i: number) =>
    !cells[i]?.known && (reasons[i] !== null || cells[i]?.published === false);

  const pickFrom = (candidates: Iterable<number>): number | undefined => {
    let best: number | undefined;
    for (const i of candidates) {
      if (isHidden(i) || cells[i]?.known) continue;
      if (best === undefined) {
        best = i;
        continue;
      }
      const a = cells[i] as LinkedCell;
      const b = cells[best] as LinkedCell;
      const zeroA = a.value === 0 ? 1 : 0;
      const zeroB = b.value === 0 ? 1 : 0;
      const costA = a.cost ?? a.value;
      const costB = b.cost ?? b.value;
      if (zeroA !== zeroB ? zeroA < zeroB : costA !== costB ? costA < costB : a.key < b.key)
        best = i;
    }
    return best;
  };
  const cellsOfRelation = (r: number) => {
    const link = links[r] as { total: number; parts: number[] };
    return link.total >= 0 ? [...link.parts, link.total] : link.parts;
  };

  /**
   * The cheapest published non-zero cell sharing a relation with `start`, or one step further
   * (through the relations of the hidden cells next to it) when that is cheaper; failing both,
   * further outwards. A zero is taken only when no non-zero cell is reachable: withholding a
   * zero rarely hides anything.
   */
  const nearestComplement = (start: number): number | undefined => {
    const seenRelations = new Set<number>();
    const seenCells = new Set<number>([start]);
    let frontier = [start];
    let zero: number | undefined;
    let found: number[] | null = null;
    while (frontier.length > 0) {
      const candidates: number[] = found ?? [];
      const next: number[] = [];
      for (const c of frontier) {
        for (const r of relationsOf[c] ?? []) {
          if (seenRelations.has(r)) continue;
          seenRelations.add(r);
          for (const i of cellsOfRelation(r)) {
            if (seenCells.has(i)) continue;
            seenCells.add(i);
            (isHidden(i) ? next : candidates).push(i);
          }
        }
      }
      const nonZero = candidates.filter((i) => (cells[i] as LinkedCell).value > 0);
      if (found) return pickFrom(nonZero);
      if (pickFrom(nonZero) !== undefined) found = nonZero;
      else zero ??= pickFrom(candidates);
      frontier = next;
    }
    return found ? pickFrom(found) : zero;
  };

  for (let round = 0; ; round++) {
    if (round > cells.length + 1) throw new DisclosureError('suppression did not converge');
    const exposed = determinedSensitive(links, cells.length, isHidden, sensitive);
    if (exposed.length === 0) break;

    // One complement per exposed cell and round. A relation through which a complement was
    // just found may already protect the other exposed cells in it, so those wait for the next
    // round; exposed cells elsewhere (another group of a large table) are served at once.
    const touched = new Set<number>();
    let progress = false;
    for (const e of exposed) {
      const own = relationsOf[e] ?? [];
      if (own.some((r) => touched.has(r))) continue;
      const choice = nearestComplement(e);
      if (choice === undefined) continue;
      reasons[choice] = 'SECONDARY';
      progress = true;
      const theirs = new Set(relationsOf[choice] ?? []);
      const shared = own.filter((r) => theirs.has(r));
      for (const r of shared.length > 0 ? shared : [...own, ...theirs]) touched.add(r);
    }
    if (!progress) {
      // Nothing sensible is left to hide next to the exposed cells: publish no non-zero cell.
      cells.forEach((cell, i) => {
        if (!isHidden(i) && !cell.known && cell.value > 0) reasons[i] = 'SECONDARY';
      });
      const left = cells.map((_, i) => i).filter((i) => !isHidden(i) && !cells[i]?.known);
      if (left.length === 0) break;
      // Zeros stay; they can only pin a cell whose relation holds nothing else, which the next
      // round would report as exposed again with no progress possible: hide them too.
      for (const i of left) reasons[i] = 'SECONDARY';
    }
  }

  return cells.map((cell, i) => {
    const reason = reasons[i] ?? null;
    return {
      key: cell.key,
      value: reason === null && cell.published !== false ? cell.value : null,
      suppressed: reason !== null || cell.published === false,
      reason: cell.published === false && reason === null ? null : reason,
    };
  });
}

/**
 * Relations of a full cross table: each cell lists its value per dimension in `coordinates`.
 * Every margin one dimension down (the rows and columns of a two-dimensional table; the three
 * faces of a cube) is treated as known, since a coarser query publishes it; lower margins are
 * sums of these and add nothing. A one-dimensional table gets its grand total.
 */
export function crossTableRelations(
  cells: readonly { key: string; coordinates: readonly (string | null)[] }[],
  /**
   * Whether a margin is known, given a member cell's coordinates and the dimension summed
   * over; default: every margin. A margin a coarser query withholds can be left out.
   */
  isKnown: (coordinates: readonly (string | null)[], dropped: number) => boolean = () => true,
): CellRelation[] {
  const dims = cells[0]?.coordinates.length ?? 0;
  if (dims === 0) return [];
  if (dims === 1) return [{ parts: cells.map((c) => c.key) }];
  const relations: CellRelation[] = [];
  for (let drop = 0; drop < dims; drop++) {
    const groups = new Map<string, { coordinates: readonly (string | null)[]; parts: string[] }>();
    for (const cell of cells) {
      const id = JSON.stringify(cell.coordinates.filter((_, d) => d !== drop));
      const group = groups.get(id) ?? { coordinates: cell.coordinates, parts: [] };
      group.parts.push(cell.key);
      groups.set(id, group);
    }
    for (const { coordinates, parts } of groups.values()) {
      if (isKnown(coordinates, drop)) relations.push({ parts });
    }
  }
  return relations;
}
