/** One row of the list query, as both systems answer it (after renaming PostGraphile's fields). */
export interface ListRow {
  id: string;
  organisation: { name: string };
  programme: { key: string; name: string };
  currentStage: { key: string; label: string } | null;
}

/** Null when both lists hold the same rows in the same order, else what differs first. */
export function sameRows(ours: readonly ListRow[], theirs: readonly ListRow[]): string | null {
  if (ours.length !== theirs.length) return `${ours.length} rows against ${theirs.length}`;
  if (ours.length === 0) return 'no rows at all';
  for (let i = 0; i < ours.length; i++) {
    const a = JSON.stringify(normalise(ours[i] as ListRow));
    const b = JSON.stringify(normalise(theirs[i] as ListRow));
    if (a !== b) return `row ${i + 1}: ${a} against ${b}`;
  }
  return null;
}

function normalise(row: ListRow): ListRow {
  return {
    id: row.id,
    organisation: { name: row.organisation.name },
    programme: { key: row.programme.key, name: row.programme.name },
    currentStage: row.currentStage
      ? { key: row.currentStage.key, label: row.currentStage.label }
      : null,
  };
}

export interface RunFigures {
  system: string;
  query: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
}

interface Mean {
  rps: number;
  p50: number;
  p99: number;
  runs: number;
}

export interface SummaryRow {
  query: string;
  connections: number;
  ours: Mean;
  theirs: Mean;
}

/** Mean of the runs per query, connection count and system (Werkgezond = ours). */
export function summarise(runs: readonly RunFigures[]): SummaryRow[] {
  const keys = [...new Set(runs.map((r) => `${r.query}\u0000${r.connections}`))];
  return keys.map((key) => {
    const [query = '', connections = '0'] = key.split('\u0000');
    const of = (system: string): Mean => {
      const mine = runs.filter(
        (r) => r.system === system && r.query === query && r.connections === Number(connections),
      );
      const mean = (pick: (r: RunFigures) => number) =>
        mine.length ? mine.reduce((n, r) => n + pick(r), 0) / mine.length : Number.NaN;
      return {
        rps: mean((r) => r.requestsPerSecond),
        p50: mean((r) => r.p50),
        p99: mean((r) => r.p99),
        runs: mine.length,
      };
    };
    return {
      query,
      connections: Number(connections),
      ours: of('Werkgezond'),
      theirs: of('PostGraphile'),
    };
  });
}
