/**
 * Money is stored and computed as whole euro cents: binary floats cannot hold 0.10 exactly,
 * and budget totals summed over thousands of expenditures must add up to the cent.
 */

/**
 * Euros to cents, rounding half away from zero. Strings use '.' or ',' as decimal mark, at
 * most two decimals and no thousands separators ("1234,50"), so "1.234" is never misread.
 */
export function eurosToCents(euros: number | string): number {
  let cents: number;
  if (typeof euros === 'string') {
    const match = /^(-)?(\d+)(?:[.,](\d{1,2}))?$/.exec(euros.trim());
    if (match === null) throw new RangeError(`Not a euro amount: '${euros}'`);
    const [, sign, whole, fraction = ''] = match;
    cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
    if (sign !== undefined && cents !== 0) cents = -cents;
  } else {
    if (!Number.isFinite(euros)) throw new RangeError(`Not a euro amount: ${euros}`);
    // Shifting the decimal point in the string form avoids 1.005 * 100 = 100.49999….
    const text = String(Math.abs(euros));
    const shifted = text.includes('e') ? Math.abs(euros) * 100 : Number(`${text}e2`);
    cents = Math.sign(euros) * Math.round(shifted) || 0;
  }
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Amount out of range: ${euros}`);
  return cents;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Cents as a currency string, e.g. formatEuro(123456) is '€ 1.234,56' in nl-BE. */
export function formatEuro(cents: number, locale = 'nl-BE'): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`cents must be an integer, got ${cents}`);
  let formatter = formatters.get(locale);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
    formatters.set(locale, formatter);
  }
  return formatter.format(cents / 100);
}
