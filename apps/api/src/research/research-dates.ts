import { isoDate } from '../database/sql.js';
import { badInput } from '../graphql/errors.js';

/**
 * Dates in the research API. A month is the finest date: `asOf` and snapshot dates are accepted
 * only as the last day of a month (Brussels calendar), never rounded, so an answer is always
 * about the date the researcher wrote.
 *
 * Year ends are the programme's *reference dates*. Every answer about a date is protected
 * together with the answers for all year ends (the counts at each year end and the changes
 * between them, see funnel-cube.ts), so no two year-end answers can be subtracted to learn a
 * change about fewer companies than the threshold. A month end that is not a year end shows a
 * number only where it equals the number at the year end before or after it; anything that
 * changed in between is withheld (DIFFERENCING), since months hold few events.
 */

export const lastDayOfMonth = (year: number, month: number): string =>
  isoDate(new Date(Date.UTC(year, month, 0)));

/** 'YYYY-MM-DD' from a GraphQL Date (UTC midnight) or a string; BAD_USER_INPUT unless a month end. */
export function monthEnd(value: Date | string, field: string): string {
  const text = value instanceof Date ? isoDate(value) : String(value);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    throw badInput(`${field} must be a date (YYYY-MM-DD)`, field);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const end = lastDayOfMonth(year, month);
  if (text !== end) {
    throw badInput(
      `${field} must be the last day of a month (a month is the finest date the research API ` +
        `answers for): use ${end}, or ${lastDayOfMonth(year, month - 1)} for the month before`,
      field,
    );
  }
  return end;
}

/** Year ends from the first to the last year (inclusive): the reference dates. */
export const yearEnds = (first: number, last: number): string[] =>
  Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => `${first + i}-12-31`);

/** The year of a 'YYYY-MM-DD' date. */
export const yearOf = (date: string): number => Number(date.slice(0, 4));
