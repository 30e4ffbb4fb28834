/** The one GROUPING SETS generator of the semantic layer (all levels of a table at once). */

/** Every subset of the columns as GROUPING SETS entries (`always` kept in each). */
export function allSubsets(columns: readonly string[], always: readonly string[] = []): string {
  const sets: string[] = [];
  for (let m = 0; m < 1 << columns.length; m++) {
    const kept = columns.filter((_, i) => !(m & (1 << i)));
    sets.push(`(${[...kept, ...always].join(', ')})`);
  }
  return sets.join(', ');
}
