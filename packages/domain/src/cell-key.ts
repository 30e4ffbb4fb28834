/**
 * Cell key perturbation (the method of the ABS TableBuilder and the ONS Cantabular).
 *
 * Every record (company) carries a fixed random record key, an integer in [0, RECORD_KEY_MODULUS).
 * A cell's key is the sum of the keys of the records it counts, modulo RECORD_KEY_MODULUS (the
 * classic "sum of keys in [0, 1) modulo 1", kept in integers so SQL and JavaScript agree to the
 * last bit). The perturbation table maps (true count, cell key) to a small noise, so the same
 * cell always gets the same noise however it is asked for, and a cell with other records gets
 * other, independent noise.
 *
 * The table (PTABLE): noise at most ±2; variance 1 from a count of 6 on (mean 0); zeros stay
 * zero; no published value lies between 1 and 4 (1 and 2 become 0, 3 becomes 5, 4 becomes 5 or
 * 6). The small rows are biased upwards or downwards by design; they matter only below the
 * disclosure threshold, which withholds those counts anyway.
 */

export const RECORD_KEY_MODULUS = 1_000_000_000;
export const MAX_NOISE = 2;
/** Published values never lie in [1, SMALL_GAP]. */
export const SMALL_GAP = 4;

export interface Protection {
  method: 'CELL_KEY';
  maxNoise: number;
}
export const CELL_KEY_PROTECTION: Protection = { method: 'CELL_KEY', maxNoise: MAX_NOISE };

/** One row of the table: noise values with their probabilities in hundredths (summing to 100). */
export type PtableRow = readonly (readonly [noise: number, hundredths: number])[];

const SMALL_ROWS: readonly PtableRow[] = [
  [[0, 100]], // 0 stays 0
  [[-1, 100]], // 1 → 0
  [[-2, 100]], // 2 → 0
  [[2, 100]], // 3 → 5
  [
    [1, 60],
    [2, 40],
  ], // 4 → 5 or 6
  [
    [0, 60],
    [1, 30],
    [2, 10],
  ], // 5 → 5, 6 or 7
  [
    [-1, 40],
    [0, 30],
    [1, 20],
    [2, 10],
  ], // 6 → 5 … 8: mean 0, variance 1
];
/** From 7 on: symmetric, mean 0, variance 2·(0.05·4) + 2·(0.30·1) = 1. */
const GENERAL_ROW: PtableRow = [
  [-2, 5],
  [-1, 30],
  [0, 30],
  [1, 30],
  [2, 5],
];

export function ptableRow(count: number): PtableRow {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Not a count: ${count}`);
  return SMALL_ROWS[count] ?? GENERAL_ROW;
}

/** The cell key of a sum of record keys (any non-negative integer), in [0, RECORD_KEY_MODULUS). */
export function cellKeyOf(keySum: number): number {
  if (!Number.isSafeInteger(keySum) || keySum < 0) throw new RangeError(`Not a key sum: ${keySum}`);
  return keySum % RECORD_KEY_MODULUS;
}

/** The noise for a true count and a cell key: the row's inverse distribution at key / modulus. */
export function cellKeyNoise(count: number, cellKey: number): number {
  const row = ptableRow(count);
  const step = RECORD_KEY_MODULUS / 100;
  let cumulative = 0;
  for (const [noise, hundredths] of row) {
    cumulative += hundredths;
    if (cellKey < cumulative * step) return noise;
  }
  return (row.at(-1) as readonly [number, number])[0];
}

/** The published value of a count whose records' keys sum to `keySum`. */
export function perturbCount(count: number, keySum: number): number {
  return count + cellKeyNoise(count, cellKeyOf(keySum));
}

/** Adds a record key to a running key sum, staying exact (modulo the key modulus). */
export function addRecordKey(keySum: number, recordKey: number): number {
  return (keySum + recordKey) % RECORD_KEY_MODULUS;
}

/** Mean and variance of a row's noise (for the documentation and its tests). */
export function noiseMoments(count: number): { mean: number; variance: number } {
  const row = ptableRow(count);
  const mean = row.reduce((s, [n, p]) => s + (n * p) / 100, 0);
  const variance = row.reduce((s, [n, p]) => s + ((n - mean) ** 2 * p) / 100, 0);
  return { mean, variance };
}

/**
 * The true counts a published value can come from (what an attacker who knows the table can
 * say): every count whose row gives a noise of `published − count` a positive probability.
 */
export function preimage(published: number): number[] {
  const out: number[] = [];
  for (let c = Math.max(0, published - MAX_NOISE); c <= published + MAX_NOISE; c++) {
    if (ptableRow(c).some(([n, p]) => p > 0 && c + n === published)) out.push(c);
  }
  return out;
}
