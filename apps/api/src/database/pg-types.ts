import pg from 'pg';

const TIMESTAMPTZ = 1184;
/** pg's own parser (postgres-date): every format PostgreSQL may print, at a regex per value. */
export const parseTimestamptzSlow = pg.types.getTypeParser(TIMESTAMPTZ, 'text') as (
  text: string,
) => Date | number;

/**
 * timestamptz as PostgreSQL prints it with DateStyle ISO (`2017-03-04 10:00:00.123456+01`, or
 * `+05:30`), rewritten to the ISO form V8 parses natively (`…T10:00:00.123456+01:00`); anything
 * else (BC dates, years beyond four digits, `infinity`, offsets with seconds) goes to pg's parser.
 * A list page parses hundreds of these per request. Sub-millisecond digits are dropped by both.
 */
export function parseTimestamptz(text: string): Date | number {
  return isoTimestamptz(text) ?? parseTimestamptzSlow(text);
}

/** The fast path alone: null when the text is not in the common ISO form. */
export function isoTimestamptz(text: string): Date | null {
  const n = text.length;
  if (n >= 22 && text.charCodeAt(4) === 45 && text.charCodeAt(10) === 32) {
    let offset = -1;
    const short = text.charCodeAt(n - 3);
    if (short === 43 || short === 45) offset = n - 3;
    else if (text.charCodeAt(n - 3) === 58) {
      const long = text.charCodeAt(n - 6);
      if (long === 43 || long === 45) offset = n - 6;
    }
    if (offset > 0) {
      const zone = offset === n - 3 ? `${text.slice(offset)}:00` : text.slice(offset);
      const date = new Date(`${text.slice(0, 10)}T${text.slice(11, offset)}${zone}`);
      if (!Number.isNaN(date.getTime())) return date;
    }
  }
  return null;
}

/** Installed once per process, for every pg client (TypeORM's pool, prepared statements, jobs). */
pg.types.setTypeParser(TIMESTAMPTZ, parseTimestamptz);
