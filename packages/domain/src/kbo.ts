/**
 * Belgian enterprise numbers (ondernemingsnummer, KBO/BCE).
 *
 * Ten digits, shown as 0123.456.749. The first digit is 0 or 1 (1 for numbers issued since the
 * 0-range ran out), the last two are a mod-97 check on the first eight. Numbers from before
 * 2005 have nine digits and gained a leading 0; VAT numbers add a "BE" prefix.
 */

// Separators people type between digit groups; anything else is a malformed number.
const SEPARATORS = /[\s.\-/]/g;

/**
 * Reduces any common spelling to ten digits, or null when the input is not shaped like an
 * enterprise number. It does not check the check digits: use {@link isValidKbo} for that.
 */
export function normaliseKbo(input: string): string | null {
  let compact = input.trim().replace(SEPARATORS, '');
  if (/^be/i.test(compact)) compact = compact.slice(2);
  if (!/^\d+$/.test(compact)) return null;
  if (compact.length === 9) return `0${compact}`;
  return compact.length === 10 ? compact : null;
}

/** The two check digits for the first eight digits: 97 - (first8 mod 97), zero-padded. */
export function kboCheckDigits(first8: string): string {
  if (!/^\d{8}$/.test(first8)) throw new RangeError(`Expected 8 digits, got '${first8}'`);
  return String(97 - (Number(first8) % 97)).padStart(2, '0');
}

/** True when the input normalises to ten digits starting with 0 or 1 with correct check digits. */
export function isValidKbo(input: string): boolean {
  const kbo = normaliseKbo(input);
  if (kbo === null || !/^[01]/.test(kbo)) return false;
  return kboCheckDigits(kbo.slice(0, 8)) === kbo.slice(8);
}

/** Display form 0123.456.749. Throws a RangeError when the input is not shaped like a number. */
export function formatKbo(input: string): string {
  const kbo = normaliseKbo(input);
  if (kbo === null) throw new RangeError(`Not an enterprise number: '${input}'`);
  return `${kbo.slice(0, 4)}.${kbo.slice(4, 7)}.${kbo.slice(7)}`;
}

// Sequences map one-to-one onto first-eight-digit values 00000000..19999999, so the first
// digit stays 0 or 1 and every sequence yields a distinct, valid number.
const MAX_SEQUENCE = 19_999_999;

/**
 * A valid enterprise number (ten digits) for a sequence number, for synthetic data. Different
 * sequences give different numbers. Synthetic numbers can coincide with real companies' ones.
 */
export function makeKbo(seq: number): string {
  if (!Number.isInteger(seq) || seq < 0 || seq > MAX_SEQUENCE) {
    throw new RangeError(`Sequence must be an integer in 0..${MAX_SEQUENCE}, got ${seq}`);
  }
  const first8 = String(seq).padStart(8, '0');
  return first8 + kboCheckDigits(first8);
}
