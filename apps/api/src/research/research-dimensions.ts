import { DIMENSION_SQL } from '../modules/analytics/dimensions.js';

/**
 * The dimensions researchers group and filter by, as SQL over one row per (application,
 * company) pair: an individual registration is one pair, a group registration one pair per
 * company it represents. Company attributes are the counted company's own. Drafts (no step
 * reached) are not counted. Month is the finest date the research API knows.
 */
export const RESEARCH_DIMENSIONS = [
  'PROGRAMME',
  'EDITION_YEAR',
  'STAGE',
  'CHANNEL',
  'SIZE_CLASS',
  'SECTOR',
  'PROVINCE',
  'REGISTRATION_TYPE',
  'COMMITTEE',
] as const;
export type ResearchDimension = (typeof RESEARCH_DIMENSIONS)[number];

/** Column of the units relation holding each dimension's value as text (null = unknown). */
export const UNIT_COLUMN: Readonly<Record<ResearchDimension, string>> = {
  PROGRAMME: 'programme',
  EDITION_YEAR: 'edition_year',
  STAGE: 'stage',
  CHANNEL: 'channel',
  SIZE_CLASS: 'size_class',
  SECTOR: 'sector',
  PROVINCE: 'province',
  REGISTRATION_TYPE: 'registration_type',
  COMMITTEE: 'committee',
};

/**
 * The research dimensions that are also analytics dimensions take their SQL from the analytics'
 * one definition (modules/analytics/dimensions.ts, over the same aliases a, o, ch), so a value
 * means the same on /graphql and on /research/graphql and a change is made once.
 */
const SHARED_SQL = {
  CHANNEL: DIMENSION_SQL.CHANNEL,
  SIZE_CLASS: DIMENSION_SQL.SIZE_CLASS,
  SECTOR: DIMENSION_SQL.SECTOR,
  PROVINCE: DIMENSION_SQL.PROVINCE,
  REGISTRATION_TYPE: DIMENSION_SQL.REGISTRATION_TYPE,
  COMMITTEE: DIMENSION_SQL.HAS_PREVENTION_COMMITTEE,
} as const satisfies Partial<Record<ResearchDimension, string>>;

/**
 * One row per counted (application, company) pair with every dimension, the application's
 * linked spending (coach fees of the trajectory) shared equally over its companies, and the
 * company's record key (cell key perturbation: a cell's key is the sum over its pairs).
 */
export const UNITS_SQL = `
SELECT a.id AS app_id,
       p.key AS programme,
       e.year::text AS edition_year,
       COALESCE(a.exit_stage, sd.key) AS stage,
       ${SHARED_SQL.CHANNEL} AS channel,
       o.id AS company_id,
       ${SHARED_SQL.SIZE_CLASS} AS size_class,
       ${SHARED_SQL.SECTOR} AS sector,
       ${SHARED_SQL.PROVINCE} AS province,
       ${SHARED_SQL.REGISTRATION_TYPE} AS registration_type,
       ${SHARED_SQL.COMMITTEE} AS committee,
       o.record_key AS record_key,
       COALESCE(x.spent, 0)::float8 / count(*) OVER (PARTITION BY a.id) AS spend
  FROM application a
  JOIN programme p ON p.id = a.programme_id
  JOIN edition e ON e.id = a.edition_id
  LEFT JOIN stage_definition sd ON sd.programme_id = a.programme_id AND sd.kind = 'STEP'
       AND sd.position = CASE WHEN a.stage4_at IS NOT NULL THEN 4 WHEN a.stage3_at IS NOT NULL THEN 3
                              WHEN a.stage2_at IS NOT NULL THEN 2 ELSE 1 END
  LEFT JOIN outreach_channel ch ON ch.id = a.channel_id
  LEFT JOIN application_member m ON a.registration_type = 'GROUP' AND m.application_id = a.id
  JOIN organisation o ON o.id = COALESCE(m.organisation_id, a.organisation_id)
  LEFT JOIN (SELECT application_id, sum(amount_cents) AS spent FROM expenditure
              WHERE application_id IS NOT NULL GROUP BY application_id) x ON x.application_id = a.id
 WHERE a.stage1_at IS NOT NULL`;

/** Filter lists per dimension (text values as UNIT_COLUMN holds them); absent = everything. */
export type ResearchFilterValues = Partial<Record<ResearchDimension, string[]>>;

/** SQL condition for one dimension's list, with the list bound at `param` (text[]). */
export const unitCondition = (d: ResearchDimension, param: string) =>
  `${UNIT_COLUMN[d]} = ANY(${param}::text[])`;

export const SIZE_CLASS_KEYS = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'] as const;
export const REGISTRATION_TYPE_KEYS = ['INDIVIDUAL', 'GROUP'] as const;
export const NACE_SECTION_KEYS = 'ABCDEFGHIJKLMNOPQRSTU'.split('');
