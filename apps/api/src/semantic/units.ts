/**
 * The counting units of the semantic layer, as one FROM clause every query builds on.
 *
 * - APPLICATIONS: one row per application, the applicant as `o`.
 * - COMPANIES: one row per (application, company) pair: an individual registration is its
 *   company; a group registration counts each company it represents (application_member), and
 *   one without members counts none. The research API always counts these pairs (its unit of
 *   disclosure is the company) and reports an answer's applications as the distinct
 *   applications among them.
 *
 * Steps recorded after an application's exit do not count as reached (the exit is final):
 * `stepAt(k)` is the step's time, clamped that way, for every measure.
 */
import { TIME_ZONE } from '../database/sql.js';
import { DIMENSION_SQL, DIMENSIONS, type Dimension, type UnitJoin } from './dimensions.js';

export type UnitGrain = 'APPLICATIONS' | 'COMPANIES';

/** Joins a query needs beyond the application row. */
export interface UnitJoins {
  org: boolean;
  channel: boolean;
  coach: boolean;
  programme?: boolean;
  edition?: boolean;
  /** The current step's definition `sd` (dimension STAGE). */
  stage?: boolean;
  /** Linked spending `x` (coach fees of the trajectory), column `spent`. */
  spend?: boolean;
}

export interface UnitFromOptions extends UnitJoins {
  unit: UnitGrain;
}

/** Joins a set of dimensions needs. */
export function joinsFor(dims: Iterable<Dimension>): UnitJoins {
  const joins = new Set<UnitJoin | undefined>();
  for (const d of dims) joins.add((DIMENSIONS[d] as { join?: UnitJoin }).join);
  return {
    org: joins.has('company'),
    channel: joins.has('channel'),
    coach: joins.has('coach'),
    programme: joins.has('programme'),
    edition: joins.has('edition'),
    stage: joins.has('stage'),
  };
}

/** FROM clause and conditions of the counting units (see the module comment). */
export function unitFrom(options: UnitFromOptions): { from: string; where: string[] } {
  const { unit, org, channel, coach } = options;
  let from = 'application a';
  const where: string[] = [];
  if (unit === 'COMPANIES') {
    from += ` LEFT JOIN application_member m ON a.registration_type = 'GROUP' AND m.application_id = a.id`;
    where.push(`(a.registration_type <> 'GROUP' OR m.organisation_id IS NOT NULL)`);
  }
  if (org) {
    const orgId =
      unit === 'COMPANIES' ? 'COALESCE(m.organisation_id, a.organisation_id)' : 'a.organisation_id';
    from += ` JOIN organisation o ON o.id = ${orgId}`;
  }
  if (options.programme) from += ' JOIN programme p ON p.id = a.programme_id';
  if (options.edition) from += ' JOIN edition e ON e.id = a.edition_id';
  if (options.stage) {
    // (with an exit the stage is the exit's, so whether a step came after it does not matter)
    from += ` LEFT JOIN stage_definition sd ON sd.programme_id = a.programme_id AND sd.kind = 'STEP'
       AND sd.position = CASE WHEN a.stage4_at IS NOT NULL THEN 4 WHEN a.stage3_at IS NOT NULL THEN 3
                              WHEN a.stage2_at IS NOT NULL THEN 2 WHEN a.stage1_at IS NOT NULL THEN 1 END`;
  }
  if (channel) from += ' LEFT JOIN outreach_channel ch ON ch.id = a.channel_id';
  if (coach) from += ' LEFT JOIN coach co ON co.id = a.coach_id';
  if (options.spend) {
    from += ` LEFT JOIN (SELECT application_id, sum(amount_cents) AS spent FROM expenditure
              WHERE application_id IS NOT NULL GROUP BY application_id) x ON x.application_id = a.id`;
  }
  return { from, where };
}

/** The time step k was reached, unless it was recorded after the exit (then null). */
export const stepAt = (k: number) =>
  `CASE WHEN a.exit_at IS NULL OR a.stage${k}_at <= a.exit_at THEN a.stage${k}_at END`;

/** SQL condition for a filter on one dimension, with the values bound at `param`. */
export function filterCondition(d: Dimension, param: string): string {
  if (d === 'EDITION') return `a.edition_id = ANY(${param}::uuid[])`;
  return `${DIMENSION_SQL[d]} = ANY(${param}::text[])`;
}

/** The calendar day in Brussels of a timestamptz expression. */
export const localDay = (expr: string) => `(${expr} AT TIME ZONE '${TIME_ZONE}')::date`;
