import { describe, expect, it } from 'vitest';
import {
  type CountCell,
  clampThreshold,
  DisclosureError,
  dominanceSuppressed,
  type ProtectedCell,
  suppressCounts,
} from './disclosure.js';

/** Cells of a two-dimensional table given as rows of counts; keys are "r<i>c<j>". */
function grid(rows: number[][]): CountCell[] {
  return rows.flatMap((row, i) =>
    row.map((value, j) => ({ key: `r${i}c${j}`, rowKey: `r${i}`, colKey: `c${j}`, value })),
  );
}

const hiddenKeys = (cells: ProtectedCell[]) => cells.filter((c) => c.suppressed).map((c) => c.key);

/** What the API publishes: visible cells plus the total of every row, column and the table. */
function published(original: readonly CountCell[], result: readonly ProtectedCell[]) {
  const totals = new Map<string, number>();
  const add = (group: string, v: number) => totals.set(group, (totals.get(group) ?? 0) + v);
  for (const cell of original) {
    add('table', cell.value);
    if (cell.rowKey !== undefined) add(`row:${cell.rowKey}`, cell.value);
    if (cell.colKey !== undefined) add(`col:${cell.colKey}`, cell.value);
  }
  return { totals, cells: result };
}

const groupsOf = (cell: { rowKey?: string; colKey?: string }) => [
  'table',
  ...(cell.rowKey === undefined ? [] : [`row:${cell.rowKey}`]),
  ...(cell.colKey === undefined ? [] : [`col:${cell.colKey}`]),
];

/** Attacker, simple form: a group with one hidden cell gives it away by subtraction. */
function groupsWithSingleHiddenCell(result: readonly ProtectedCell[]): string[] {
  const hiddenPerGroup = new Map<string, number>();
  for (const cell of result) {
    if (!cell.suppressed) continue;
    for (const g of groupsOf(cell)) hiddenPerGroup.set(g, (hiddenPerGroup.get(g) ?? 0) + 1);
  }
  return [...hiddenPerGroup].filter(([, n]) => n === 1).map(([g]) => g);
}

/**
 * Attacker, thorough form: searches assignments of non-negative integers to the hidden cells
 * that reproduce all published totals, and returns per hidden cell the values it can take.
 * It knows only what `published` holds, not the true values. The search stops early once
 * every cell has shown two values (enough to prove it is not recoverable); a cell reported
 * with one value was pinned by an exhaustive search.
 */
function feasibleValues(
  view: ReturnType<typeof published>,
  maxSolutions = 200_000,
): Map<string, Set<number>> {
  const hidden = view.cells.filter((c) => c.suppressed);
  const remaining = new Map(view.totals);
  for (const cell of view.cells) {
    if (cell.value === null) continue;
    for (const g of groupsOf(cell)) remaining.set(g, (remaining.get(g) ?? 0) - cell.value);
  }
  const values = new Map(hidden.map((c) => [c.key, new Set<number>()]));
  // A group is settled once its last hidden cell has a value: its total must then be met.
  const lastHidden = new Map<string, number>();
  hidden.forEach((c, i) => {
    for (const g of groupsOf(c)) lastHidden.set(g, i);
  });
  const settledAt = hidden.map((_, i) =>
    [...lastHidden].filter(([, j]) => j === i).map(([g]) => g),
  );
  const everyCellVaries = () => [...values.values()].every((set) => set.size >= 2);
  const chosen: number[] = [];
  let solutions = 0;
  const search = (i: number): void => {
    if (solutions >= maxSolutions || (solutions > 0 && everyCellVaries())) return;
    if (i === hidden.length) {
      solutions++;
      hidden.forEach((c, j) => {
        values.get(c.key)?.add(chosen[j] ?? Number.NaN);
      });
      return;
    }
    const cell = hidden[i] as ProtectedCell;
    const groups = groupsOf(cell);
    const room = Math.min(...groups.map((g) => remaining.get(g) ?? 0));
    for (let v = 0; v <= room; v++) {
      for (const g of groups) remaining.set(g, (remaining.get(g) ?? 0) - v);
      chosen[i] = v;
      if (settledAt[i]?.every((g) => remaining.get(g) === 0)) search(i + 1);
      for (const g of groups) remaining.set(g, (remaining.get(g) ?? 0) + v);
    }
  };
  search(0);
  return values;
}

function expectNoHiddenCellRecoverable(original: CountCell[], result: ProtectedCell[]) {
  expect(groupsWithSingleHiddenCell(result)).toEqual([]);
  for (const [key, options] of feasibleValues(published(original, result))) {
    expect(options.size, `${key} is recoverable`).toBeGreaterThanOrEqual(2);
  }
}

describe('clampThreshold', () => {
  it('never goes below 5 and rounds up', () => {
    expect(clampThreshold(0)).toBe(5);
    expect(clampThreshold(3)).toBe(5);
    expect(clampThreshold(5)).toBe(5);
    expect(clampThreshold(7.2)).toBe(8);
    expect(clampThreshold(10)).toBe(10);
    expect(() => clampThreshold(Number.NaN)).toThrow(RangeError);
  });
});

describe('dominanceSuppressed', () => {
  it('flags cells where the top n contributors hold more than k of the total', () => {
    expect(dominanceSuppressed([50, 40, 10])).toBe(true);
    expect(dominanceSuppressed([30, 30, 20, 20])).toBe(false);
    expect(dominanceSuppressed([10, 80, 5, 5], { n: 1, k: 0.75 })).toBe(true);
    // Exactly k is not "more than k".
    expect(dominanceSuppressed([85, 10, 5], { n: 1, k: 0.85 })).toBe(false);
    // Two or fewer contributors always dominate a cell under the default (2, 0.85) rule.
    expect(dominanceSuppressed([1000])).toBe(true);
    expect(dominanceSuppressed([5, 5])).toBe(true);
  });

  it('does not flag empty cells and refuses bad input', () => {
    expect(dominanceSuppressed([])).toBe(false);
    expect(dominanceSuppressed([0, 0])).toBe(false);
    expect(() => dominanceSuppressed([-1, 5])).toThrow(RangeError);
    expect(() => dominanceSuppressed([1], { n: 0 })).toThrow(RangeError);
    expect(() => dominanceSuppressed([1], { k: 1.5 })).toThrow(RangeError);
  });
});

describe('suppressCounts, one dimension', () => {
  const oneD = (values: number[]): CountCell[] =>
    values.map((value, i) => ({ key: `k${i}`, value }));

  it('suppresses 1..threshold-1, publishes zeros and counts at the threshold', () => {
    const result = suppressCounts(oneD([0, 1, 9, 10, 40, 55]));
    expect(result.map((c) => c.reason)).toEqual([null, 'FREQUENCY', 'FREQUENCY', null, null, null]);
    expect(result.map((c) => c.value)).toEqual([0, null, null, 10, 40, 55]);
  });

  it('hides the smallest non-zero cell next to a lone small count', () => {
    const cells = oneD([0, 3, 40, 25, 12]);
    const result = suppressCounts(cells);
    expect(hiddenKeys(result)).toEqual(['k1', 'k4']);
    expect(result[4]?.reason).toBe('SECONDARY');
    expectNoHiddenCellRecoverable(cells, result);
  });

  it('raises a threshold below 5 to 5', () => {
    const result = suppressCounts(oneD([4, 4, 30]), { threshold: 2 });
    expect(hiddenKeys(result)).toEqual(['k0', 'k1']);
  });

  it('leaves a table without small counts alone', () => {
    const result = suppressCounts(oneD([10, 20, 0]));
    expect(result.every((c) => !c.suppressed)).toBe(true);
  });

  it('falls back to a zero cell only when nothing else is left', () => {
    const result = suppressCounts(oneD([0, 3]));
    expect(result.map((c) => c.reason)).toEqual(['SECONDARY', 'FREQUENCY']);
  });

  it('cannot protect a table with a single cell', () => {
    expect(() => suppressCounts(oneD([3]))).toThrow(DisclosureError);
  });
});

describe('suppressCounts, two dimensions', () => {
  it('completes a lone small count to a rectangle', () => {
    const cells = grid([
      [3, 20, 25],
      [30, 40, 50],
      [60, 70, 12],
    ]);
    const result = suppressCounts(cells);
    expect(hiddenKeys(result)).toEqual(['r0c0', 'r0c1', 'r1c0', 'r1c1']);
    expect(result.find((c) => c.key === 'r0c0')?.reason).toBe('FREQUENCY');
    expect(result.find((c) => c.key === 'r1c1')?.reason).toBe('SECONDARY');
    expect(result.find((c) => c.key === 'r2c2')).toEqual({
      key: 'r2c2',
      rowKey: 'r2',
      colKey: 'c2',
      value: 12,
      suppressed: false,
      reason: null,
    });
    expectNoHiddenCellRecoverable(cells, result);
  });

  // Two blocks of small counts joined by one small count. Every row and column holds two or
  // more hidden cells, yet the joining cell equals (hidden total of rows 0-1) minus (hidden
  // total of columns 0-1). Counting hidden cells per row is not enough.
  const bridged = grid([
    [2, 3, 50, 60, 70],
    [4, 1, 2, 80, 90],
    [55, 65, 3, 4, 75],
    [85, 95, 1, 2, 45],
  ]);

  it('the attacker recovers a joining cell that only primary suppression hides', () => {
    const primaryOnly: ProtectedCell[] = bridged.map((c) => {
      const small = c.value > 0 && c.value < 10;
      return {
        ...c,
        value: small ? null : c.value,
        suppressed: small,
        reason: small ? 'FREQUENCY' : null,
      };
    });
    expect(groupsWithSingleHiddenCell(primaryOnly)).toEqual([]);
    const options = feasibleValues(published(bridged, primaryOnly));
    expect([...(options.get('r1c2') ?? [])]).toEqual([2]);
  });

  it('protects the joining cell as well', () => {
    const result = suppressCounts(bridged);
    expect(hiddenKeys(result).length).toBeGreaterThan(9);
    expect(result.filter((c) => c.reason === 'FREQUENCY')).toHaveLength(9);
    expectNoHiddenCellRecoverable(bridged, result);
  });

  it('throws when a sparse table leaves a row with nothing else to hide', () => {
    const sparse: CountCell[] = [
      { key: 'a', rowKey: 'r0', colKey: 'c0', value: 3 },
      { key: 'b', rowKey: 'r0', colKey: 'c1', value: 20 },
      { key: 'c', rowKey: 'r1', colKey: 'c0', value: 30 },
    ];
    expect(() => suppressCounts(sparse)).toThrow(DisclosureError);
  });

  it('withstands the attacker on random tables', () => {
    let seed = 20240601;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    // Small tables, many small counts and some zeros: the hard cases for secondary suppression.
    for (let t = 0; t < 40; t++) {
      const rows = 2 + Math.floor(random() * 3);
      const cols = 2 + Math.floor(random() * 3);
      const values = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () => {
          const r = random();
          return r < 0.15
            ? 0
            : r < 0.55
              ? 1 + Math.floor(random() * 9)
              : 10 + Math.floor(random() * 15);
        }),
      );
      const cells = grid(values);
      let result: ProtectedCell[];
      try {
        result = suppressCounts(cells);
      } catch (error) {
        // Only tables that cannot be protected may throw; a full grid always can.
        throw new Error(`table ${JSON.stringify(values)}: ${String(error)}`);
      }
      expect(result.filter((c) => c.reason === 'FREQUENCY').map((c) => c.key)).toEqual(
        cells.filter((c) => c.value > 0 && c.value < 10).map((c) => c.key),
      );
      expectNoHiddenCellRecoverable(cells, result);
    }
  });
});

describe('suppressCounts, input', () => {
  it('refuses duplicate keys and impossible counts', () => {
    expect(() =>
      suppressCounts([
        { key: 'a', value: 1 },
        { key: 'a', value: 2 },
      ]),
    ).toThrow(RangeError);
    expect(() => suppressCounts([{ key: 'a', value: -1 }])).toThrow(RangeError);
    expect(() => suppressCounts([{ key: 'a', value: 1.5 }])).toThrow(RangeError);
  });

  it('returns cells in input order with their keys', () => {
    const result = suppressCounts(grid([[20, 30]]));
    expect(result.map((c) => [c.key, c.rowKey, c.colKey, c.value])).toEqual([
      ['r0c0', 'r0', 'c0', 20],
      ['r0c1', 'r0', 'c1', 30],
    ]);
  });
});
