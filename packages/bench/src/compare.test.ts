import { describe, expect, it } from 'vitest';
import { type ListRow, sameRows, summarise } from './compare.js';

const row = (id: string, stage: string | null = 'applied'): ListRow => ({
  id,
  organisation: { name: `Org ${id}` },
  programme: { key: 'gezondheidscoaches', name: 'Gezondheidscoaches' },
  currentStage: stage ? { key: stage, label: stage.toUpperCase() } : null,
});

describe('the two list answers', () => {
  it('match row by row, whatever the key order of the objects', () => {
    const theirs = [row('1'), row('2', null)].map((r) =>
      JSON.parse(JSON.stringify({ ...r, id: r.id })),
    );
    expect(sameRows([row('1'), row('2', null)], theirs)).toBeNull();
  });

  it('say which row differs, and refuse two empty lists', () => {
    expect(sameRows([row('1'), row('2')], [row('1'), row('2', 'approved')])).toMatch(/^row 2:/);
    expect(sameRows([row('1')], [row('1'), row('2')])).toBe('1 rows against 2');
    expect(sameRows([], [])).toBe('no rows at all');
  });
});

describe('summarising A B A B runs', () => {
  it('averages per query, connection count and system', () => {
    const run = (system: string, rps: number, p99: number) => ({
      system,
      query: 'list',
      connections: 32,
      requestsPerSecond: rps,
      p50: 1,
      p99,
    });
    const [summary] = summarise([
      run('Werkgezond', 100, 10),
      run('PostGraphile', 200, 20),
      run('Werkgezond', 300, 30),
      run('PostGraphile', 400, 40),
    ]);
    expect(summary).toEqual({
      query: 'list',
      connections: 32,
      ours: { rps: 200, p50: 1, p99: 20, runs: 2 },
      theirs: { rps: 300, p50: 1, p99: 30, runs: 2 },
    });
  });
});
