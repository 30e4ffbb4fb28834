import { describe, expect, it } from 'vitest';
import {
  type CellRelation,
  crossTableRelations,
  type LinkedCell,
  type LinkedResult,
  protectLinkedCells,
} from './disclosure-linked.js';

/**
 * Independent attacker: exact rank test with BigInt fraction-free elimination. A hidden cell is
 * recoverable when its unit vector lies in the row space of the relations restricted to the
 * hidden cells (visible cells are constants the attacker moves to the right-hand side).
 */
function rank(matrix: bigint[][]): number {
  const m = matrix.map((r) => [...r]);
  let r = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i]![c] === 0n) continue;
      const a = m[r]![c]!;
      const b = m[i]![c]!;
      m[i] = m[i]!.map((v, k) => v * a - m[r]![k]! * b);
    }
    r++;
  }
  return r;
}

function recoverable(
  cells: readonly LinkedCell[],
  relations: readonly CellRelation[],
  result: readonly LinkedResult[],
): string[] {
  const hidden = result.filter((c) => c.suppressed).map((c) => c.key);
  const col = new Map(hidden.map((k, j) => [k, j]));
  const rows = relations
    .map((rel) => {
      const row = hidden.map(() => 0n);
      for (const p of rel.parts) if (col.has(p)) row[col.get(p)!]! += 1n;
      if (rel.total !== undefined && col.has(rel.total)) row[col.get(rel.total)!]! -= 1n;
      return row;
    })
    .filter((row) => row.some((v) => v !== 0n));
  const base = rows.length ? rank(rows) : 0;
  const sensitive = new Set(
    cells
      .filter((c) => (c.contributors ?? c.value) > 0 && (c.contributors ?? c.value) < 10)
      .map((c) => c.key),
  );
  return hidden.filter((k, j) => {
    if (!sensitive.has(k)) return false;
    const unit = hidden.map((_, i) => (i === j ? 1n : 0n));
    return rank([...rows, unit]) === base;
  });
}

function cube(values: number[][][]) {
  const cells: (LinkedCell & { coordinates: string[] })[] = [];
  values.forEach((plane, a) => {
    plane.forEach((row, b) => {
      row.forEach((value, c) => {
        cells.push({ key: `${a}.${b}.${c}`, value, coordinates: [`a${a}`, `b${b}`, `c${c}`] });
      });
    });
  });
  return cells;
}

let seed = 7;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const draw = () => {
  const r = random();
  return r < 0.15 ? 0 : r < 0.5 ? 1 + Math.floor(random() * 9) : 10 + Math.floor(random() * 30);
};

describe('protectLinkedCells', () => {
  it('hides small counts (FREQUENCY) and a complement (SECONDARY) in a one-dimensional table', () => {
    const cells = [
      { key: 'a', value: 3 },
      { key: 'b', value: 40 },
      { key: 'c', value: 12 },
      { key: 'd', value: 0 },
    ];
    const relations = crossTableRelations(cells.map((c) => ({ key: c.key, coordinates: [c.key] })));
    const result = protectLinkedCells(cells, relations);
    expect(result.map((c) => c.reason)).toEqual(['FREQUENCY', null, 'SECONDARY', null]);
    expect(recoverable(cells, relations, result)).toEqual([]);
  });

  it('counts contributors, not the value, for the frequency rule', () => {
    const cells = [
      { key: 'a', value: 30, contributors: 2 },
      { key: 'b', value: 40, contributors: 40 },
      { key: 'c', value: 12, contributors: 12 },
    ];
    const result = protectLinkedCells(cells, [{ parts: ['a', 'b', 'c'] }]);
    expect(result.map((c) => c.reason)).toEqual(['FREQUENCY', null, 'SECONDARY']);
  });

  it('protects cumulative funnel steps: a small last step hides a neighbour', () => {
    // Steps 196 ≥ 181 ≥ 80 ≥ 7 with the companies that stopped between them as unpublished atoms.
    const cells: LinkedCell[] = [
      { key: 'applied', value: 196 },
      { key: 'approved', value: 181 },
      { key: 'started', value: 80 },
      { key: 'completed', value: 7 },
      { key: 'rejected', value: 15 },
      { key: 'stoppedAfterApproval', value: 101, published: false },
      { key: 'inTrajectory', value: 73, published: false },
    ];
    const relations: CellRelation[] = [
      { total: 'applied', parts: ['approved', 'rejected'] },
      { total: 'approved', parts: ['started', 'stoppedAfterApproval'] },
      { total: 'started', parts: ['completed', 'inTrajectory'] },
    ];
    const result = protectLinkedCells(cells, relations);
    const byKey = Object.fromEntries(result.map((c) => [c.key, c]));
    expect(byKey.completed?.reason).toBe('FREQUENCY');
    expect(byKey.applied?.value).toBe(196);
    expect(byKey.approved?.value).toBe(181);
    expect(byKey.started?.value).toBe(80);
    expect(recoverable(cells, relations, result)).toEqual([]);
  });

  it('finds the complement for a small unpublished gap between two published steps', () => {
    const cells: LinkedCell[] = [
      { key: 'applied', value: 40 },
      { key: 'approved', value: 36 },
      { key: 'gap', value: 4, published: false },
    ];
    const relations: CellRelation[] = [{ total: 'applied', parts: ['approved', 'gap'] }];
    const result = protectLinkedCells(cells, relations);
    expect(result.filter((c) => c.reason === 'SECONDARY').map((c) => c.key)).toEqual(['approved']);
    expect(recoverable(cells, relations, result)).toEqual([]);
  });

  it('marks dominated amounts and protects them like small counts', () => {
    const cells: LinkedCell[] = [
      { key: 'x', value: 900_000, contributors: 20, dominated: true },
      { key: 'y', value: 50_000, contributors: 30 },
      { key: 'z', value: 70_000, contributors: 40 },
    ];
    const relations: CellRelation[] = [{ parts: ['x', 'y', 'z'] }];
    const result = protectLinkedCells(cells, relations);
    expect(result.map((c) => c.reason)).toEqual(['DOMINANCE', 'SECONDARY', null]);
  });

  it('withstands the exact attacker on random three-dimensional cubes with all faces known', () => {
    for (let t = 0; t < 25; t++) {
      const dims = [
        2 + Math.floor(random() * 2),
        2 + Math.floor(random() * 2),
        2 + Math.floor(random() * 3),
      ];
      const values = Array.from({ length: dims[0]! }, () =>
        Array.from({ length: dims[1]! }, () => Array.from({ length: dims[2]! }, draw)),
      );
      const cells = cube(values);
      const relations = crossTableRelations(cells);
      const result = protectLinkedCells(cells, relations);
      for (const cell of cells) {
        const r = result.find((x) => x.key === cell.key)!;
        if (cell.value > 0 && cell.value < 10) expect(r.suppressed).toBe(true);
        if (!r.suppressed) expect(r.value).toBe(cell.value);
      }
      expect(recoverable(cells, relations, result), JSON.stringify(values)).toEqual([]);
    }
  });

  it('withstands the attacker on random two-dimensional tables', () => {
    for (let t = 0; t < 40; t++) {
      const rows = 2 + Math.floor(random() * 4);
      const cols = 2 + Math.floor(random() * 4);
      const cells = Array.from({ length: rows * cols }, (_, i) => ({
        key: `r${Math.floor(i / cols)}c${i % cols}`,
        value: draw(),
        coordinates: [`r${Math.floor(i / cols)}`, `c${i % cols}`],
      }));
      const relations = crossTableRelations(cells);
      const result = protectLinkedCells(cells, relations);
      expect(recoverable(cells, relations, result)).toEqual([]);
    }
  });

  it('hides everything rather than publish a cell it cannot protect', () => {
    const cells = [{ key: 'only', value: 3 }];
    const result = protectLinkedCells(cells, [{ parts: ['only'] }]);
    expect(result[0]).toEqual({ key: 'only', value: null, suppressed: true, reason: 'FREQUENCY' });
  });

  it('never lowers the threshold below 5, and refuses bad input', () => {
    const result = protectLinkedCells(
      [
        { key: 'a', value: 4 },
        { key: 'b', value: 30 },
      ],
      [],
      { threshold: 2 },
    );
    expect(result[0]?.reason).toBe('FREQUENCY');
    expect(() => protectLinkedCells([{ key: 'a', value: -1 }], [])).toThrow(RangeError);
    expect(() => protectLinkedCells([{ key: 'a', value: 1 }], [{ parts: ['nope'] }])).toThrow(
      RangeError,
    );
  });

  it('protects a cube of a thousand cells', () => {
    const values = Array.from({ length: 10 }, () =>
      Array.from({ length: 10 }, () => Array.from({ length: 10 }, draw)),
    );
    const cells = cube(values);
    const result = protectLinkedCells(cells, crossTableRelations(cells));
    expect(result).toHaveLength(1000);
  });
});

describe('protectLinkedCells: primary reasons, costs and large linked answers', () => {
  it('treats a primary reason as sensitive whatever the size, and reports it', () => {
    const cells: LinkedCell[] = [
      { key: 'total', value: 100 },
      { key: 'a', value: 40, primary: 'DIFFERENCING' },
      { key: 'b', value: 35 },
      { key: 'c', value: 25 },
    ];
    const relations: CellRelation[] = [{ total: 'total', parts: ['a', 'b', 'c'] }];
    const result = protectLinkedCells(cells, relations);
    expect(result.map((r) => r.reason)).toEqual([null, 'DIFFERENCING', null, 'SECONDARY']);
  });

  it('chooses complements by cost when given, sparing headline numbers', () => {
    const cells: LinkedCell[] = [
      { key: 'total', value: 100, cost: 1_000 },
      { key: 'small', value: 4 },
      { key: 'detail', value: 60 },
      { key: 'headline', value: 36, cost: 1_000 },
    ];
    const relations: CellRelation[] = [{ total: 'total', parts: ['small', 'detail', 'headline'] }];
    const result = protectLinkedCells(cells, relations);
    expect(result.filter((r) => r.suppressed).map((r) => r.key)).toEqual(['small', 'detail']);
  });

  it('protects a cumulative series over dates: a small change between two dates', () => {
    // Rejections by three year ends: 0, 12, 15. The 3 in the last period must not follow.
    const cells: LinkedCell[] = [
      { key: 'r2017', value: 0 },
      { key: 'r2018', value: 12 },
      { key: 'r2019', value: 15 },
      { key: 'f2018', value: 12, published: false },
      { key: 'f2019', value: 3, published: false },
    ];
    const relations: CellRelation[] = [
      { total: 'r2018', parts: ['r2017', 'f2018'] },
      { total: 'r2019', parts: ['r2018', 'f2019'] },
    ];
    const result = protectLinkedCells(cells, relations);
    expect(result.find((r) => r.key === 'r2018')?.reason).toBe('SECONDARY');
    expect(result.find((r) => r.key === 'r2019')?.value).toBe(15);
    expect(recoverable(cells, relations, result)).toEqual([]);
  });

  it('treats known cells as constants: a zero forced by non-negativity cannot hide a cell', () => {
    // exited = withdrawn + droppedOut; withdrawn is an unpublished zero the attacker can infer.
    const cells: LinkedCell[] = [
      { key: 'exited', value: 4 },
      { key: 'droppedOut', value: 4, published: false },
      { key: 'withdrawn', value: 0, published: false, known: true },
      { key: 'reasons', value: 4 },
    ];
    const relations: CellRelation[] = [
      { total: 'exited', parts: ['droppedOut', 'withdrawn'] },
      { total: 'reasons', parts: ['droppedOut'] },
    ];
    const result = protectLinkedCells(cells, relations);
    expect(result.map((r) => [r.key, r.suppressed, r.reason])).toEqual([
      ['exited', true, 'FREQUENCY'],
      ['droppedOut', true, 'FREQUENCY'],
      ['withdrawn', true, null],
      ['reasons', true, 'FREQUENCY'],
    ]);
  });

  it('handles thousands of linked cells with many slack quantities', () => {
    // 60 groups × 3 dates of a four-step funnel with the changes between dates as unpublished
    // cells: most changes are large (slack) and drop out before the elimination.
    const cells: LinkedCell[] = [];
    const relations: CellRelation[] = [];
    for (let g = 0; g < 60; g++) {
      for (let d = 0; d < 3; d++) {
        for (let k = 1; k <= 4; k++) {
          const value = Math.max(0, 200 - 40 * k - 10 * g + 30 * d);
          cells.push({ key: `g${g}d${d}n${k}`, value: value % 97 });
          if (d > 0) {
            cells.push({ key: `g${g}d${d}f${k}`, value: (g * 7 + k) % 25, published: false });
            relations.push({
              total: `g${g}d${d}n${k}`,
              parts: [`g${g}d${d - 1}n${k}`, `g${g}d${d}f${k}`],
            });
          }
        }
      }
    }
    for (let d = 0; d < 3; d++) {
      for (let k = 1; k <= 4; k++) {
        const parts = Array.from({ length: 60 }, (_, g) => `g${g}d${d}n${k}`);
        const value = parts.reduce(
          (s, key) => s + (cells.find((c) => c.key === key)?.value ?? 0),
          0,
        );
        cells.push({ key: `t${d}n${k}`, value });
        relations.push({ total: `t${d}n${k}`, parts });
      }
    }
    // Correctness only: speed is a benchmark's business, not a timed test's (a loaded CI
    // machine would turn a time limit into a random failure).
    const result = protectLinkedCells(cells, relations);
    expect(recoverable(cells, relations, result)).toEqual([]);
  }, 120_000);
});
