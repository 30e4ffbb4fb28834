/** The programme's local time: "as of 2019-07-31" means through the end of that day in Brussels. */
export const TIME_ZONE = 'Europe/Brussels';

/** SQL for the first instant after the given ISO date's local day (exclusive upper bound). */
export const dayEnd = (param: string) =>
  `((${param}::date + 1)::timestamp AT TIME ZONE '${TIME_ZONE}')`;
export const dayStart = (param: string) =>
  `((${param}::date)::timestamp AT TIME ZONE '${TIME_ZONE}')`;

/** Position of the furthest funnel step an application reached (0: none yet, a draft). */
export const furthestStepSql = (a: string) =>
  `CASE WHEN ${a}.stage4_at IS NOT NULL THEN 4 WHEN ${a}.stage3_at IS NOT NULL THEN 3 ` +
  `WHEN ${a}.stage2_at IS NOT NULL THEN 2 WHEN ${a}.stage1_at IS NOT NULL THEN 1 ELSE 0 END`;

/** Date → 'YYYY-MM-DD' as the client wrote it (GraphQL Date scalars arrive as UTC midnight). */
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

const brusselsDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });

/** Today's calendar date in Brussels (YYYY-MM-DD): the programmes' day, not UTC's. */
export const todayInBrussels = (now = new Date()) => brusselsDay.format(now);
