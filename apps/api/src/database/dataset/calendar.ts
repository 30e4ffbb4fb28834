/**
 * Calendar arithmetic on civil days. Published figures count "through 2019-07-31" in Brussels,
 * so every event is built from a Brussels calendar day and a daytime hour, and converted to UTC
 * with the Belgian summer-time rule (no Intl lookups: millions of events at scale).
 */

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of an ISO date 'YYYY-MM-DD'. */
export function day(iso: string): number {
  const ms = Date.UTC(
    Number(iso.slice(0, 4)),
    Number(iso.slice(5, 7)) - 1,
    Number(iso.slice(8, 10)),
  );
  return Math.round(ms / MS_PER_DAY);
}

export function isoDay(d: number): string {
  return new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: number): number {
  return (((d + 4) % 7) + 7) % 7;
}

export function isWeekend(d: number): boolean {
  const w = weekday(d);
  return w === 0 || w === 6;
}

function lastSunday(year: number, monthIndex: number): number {
  const last = Math.round(Date.UTC(year, monthIndex + 1, 0) / MS_PER_DAY);
  return last - weekday(last);
}

/** Summer time (UTC+2) runs from the last Sunday of March to the last Sunday of October. */
function brusselsOffsetHours(d: number): number {
  const year = new Date(d * MS_PER_DAY).getUTCFullYear();
  return d >= lastSunday(year, 2) && d < lastSunday(year, 9) ? 2 : 1;
}

/** The instant of a Brussels wall-clock time; only meant for daytime hours (08–20). */
export function brussels(d: number, hour: number, minute = 0): Date {
  return new Date(d * MS_PER_DAY + (hour - brusselsOffsetHours(d)) * 3_600_000 + minute * 60_000);
}

/** The Brussels calendar day of an instant (the inverse of `brussels`). */
export function brusselsDay(t: Date): number {
  const utcDay = Math.floor(t.getTime() / MS_PER_DAY);
  // Offset is 1 or 2 hours: the local day is the UTC day of (t + offset).
  return Math.floor((t.getTime() + brusselsOffsetHours(utcDay) * 3_600_000) / MS_PER_DAY);
}

/** A uniformly chosen weekday in [from, to]; falls back to `from` when the range has none. */
export function weekdayBetween(
  rng: { int(a: number, b: number): number },
  from: number,
  to: number,
): number {
  if (to < from) return from;
  for (let i = 0; i < 20; i++) {
    const d = rng.int(from, to);
    if (!isWeekend(d)) return d;
  }
  for (let d = from; d <= to; d++) if (!isWeekend(d)) return d;
  return from;
}
