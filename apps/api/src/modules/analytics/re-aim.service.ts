/**
 * RE-AIM (Glasgow, Vogt & Boles 1999): Reach, Effectiveness, Adoption, Implementation,
 * Maintenance, each as numerator / denominator over row-level data. Where the data cannot
 * answer, the measure says so (available: false) instead of inventing a number.
 */
import { RECORD_KEY_MODULUS } from '@werkgezond/domain';
import type { DataSource } from 'typeorm';
import { badInput } from '../../graphql/errors.js';
import { localDay } from '../../semantic/units.js';
import type { EligibilityRulesJson } from '../programme/programme.entity.js';
import type { Statement } from './funnel.sql.js';
import { type ScanChangeData, scanChanges } from './scan-effectiveness.service.js';
import { editionIdsForYears, loadProgramme } from './scope.js';

export const RE_AIM_DIMENSIONS = [
  'REACH',
  'EFFECTIVENESS',
  'ADOPTION',
  'IMPLEMENTATION',
  'MAINTENANCE',
] as const;
export type ReAimDimension = (typeof RE_AIM_DIMENSIONS)[number];

export interface ReAimMeasureData {
  dimension: ReAimDimension;
  key: string;
  definition: string;
  numerator: number | null;
  denominator: number | null;
  /** numerator / denominator, or a mean for score measures; null when not available. */
  value: number | null;
  available: boolean;
  note: string | null;
  /** 95 % interval of the value, for measures that have one (a mean change). */
  lower?: number | null;
  upper?: number | null;
}

export interface CoachingCapacityData {
  /** Coaches of the programme (active in the year, when one is given). */
  coaches: number;
  /** Of them, coaches with at least one assigned application in scope. */
  coachesWithApplications: number;
  serviceProviders: number;
}

export interface ReAimData {
  programmeKey: string;
  year: number | null;
  reach: ReAimMeasureData;
  effectiveness: ReAimMeasureData;
  adoption: ReAimMeasureData;
  implementation: ReAimMeasureData;
  maintenance: ReAimMeasureData;
  /** The primary measures above and the secondary ones, in dimension order. */
  measures: ReAimMeasureData[];
  /** Null for programmes without coaches. */
  coachingCapacity: CoachingCapacityData | null;
  /** Paired scan change per edition (cohort) in scope. */
  scanChangeByCohort: ScanChangeData[];
}

/** SQL for "an eligible company" under a programme's rules, with its parameters appended. */
export function eligibleCompanySql(
  rules: EligibilityRulesJson,
  params: unknown[],
  alias = 'o',
): string {
  const parts = [`${alias}.kind = 'COMPANY'`];
  if (rules.kinds && !rules.kinds.includes('COMPANY')) parts.push('false');
  if (rules.maxEmployees !== undefined) {
    params.push(rules.maxEmployees);
    parts.push(`${alias}.employee_count <= $${params.length}`);
  }
  if (rules.sizeClasses?.length) {
    params.push(rules.sizeClasses);
    parts.push(`${alias}.size_class::text = ANY($${params.length}::text[])`);
  }
  if (rules.requiresNoPreventionCommittee) parts.push(`NOT ${alias}.has_prevention_committee`);
  if (rules.provinces?.length) {
    params.push(rules.provinces.map((p) => p.trim().toLowerCase()));
    parts.push(`lower(trim(${alias}.province)) = ANY($${params.length}::text[])`);
  }
  return parts.join(' AND ');
}

interface ReAimRow {
  applied_companies: number;
  eligible: number;
  applied_eligible: number;
  participated_companies: number;
  networks_registered: number;
  networks_in_registry: number;
  network_member_companies: number;
  last_step: number;
  previous_step: number;
  first_step: number;
  pairs: number;
  improved: number;
  mean_before: number | null;
  mean_after: number | null;
  repeat_companies: number;
  later_measured: number;
  coaches: number;
  coaches_with_applications: number;
  providers: number;
  decided: number;
  decided_within_14: number;
}

/**
 * Cell keys of RE-AIM's counts (research API only): for each count q, \`q_key\` is the sum of the
 * record keys of the records it counts, modulo the key modulus, so the count can be released
 * with the same cell key perturbation as the aggregate and funnel cells. Companies, networks and
 * service providers are organisations (their record key); a coach has no stored key and counts
 * with a fixed key derived from its id (never exposed, the same in every answer).
 */
function keySumColumns(eligible: string): string {
  const ks = (expr: string) => `(COALESCE(sum(${expr}), 0) % ${RECORD_KEY_MODULUS})::int`;
  const orgs = (ids: string) =>
    `(SELECT ${ks('o.record_key')} FROM (${ids}) x JOIN organisation o ON o.id = x.org_id)`;
  const coachKey = (id: string) =>
    `(('x' || substr(md5(${id}::text), 1, 8))::bit(32)::bigint % ${RECORD_KEY_MODULUS})`;
  return `,
  ${orgs('SELECT DISTINCT org_id FROM units WHERE stage1_at IS NOT NULL')} AS applied_companies_key,
  (SELECT ${ks('o.record_key')} FROM organisation o WHERE ${eligible}) AS eligible_key,
  ${orgs(`SELECT DISTINCT u.org_id FROM units u JOIN organisation o ON o.id = u.org_id
    WHERE u.stage1_at IS NOT NULL AND ${eligible}`)} AS applied_eligible_key,
  ${orgs('SELECT org_id FROM participants')} AS participated_companies_key,
  ${orgs(`SELECT DISTINCT organisation_id AS org_id FROM apps WHERE registration_type = 'GROUP' AND stage1_at IS NOT NULL`)}
    AS networks_registered_key,
  (SELECT ${ks('o.record_key')} FROM organisation o WHERE kind = 'NETWORK') AS networks_in_registry_key,
  ${orgs(`SELECT DISTINCT org_id FROM units WHERE registration_type = 'GROUP' AND stage1_at IS NOT NULL`)}
    AS network_member_companies_key,
  ${orgs('SELECT org_id FROM scores WHERE before IS NOT NULL AND after IS NOT NULL')} AS pairs_key,
  ${orgs('SELECT org_id FROM scores WHERE after > before')} AS improved_key,
  ${orgs(`SELECT p.org_id FROM participants p
    WHERE (SELECT count(DISTINCT x.edition_id) FROM all_participations x WHERE x.org_id = p.org_id) > 1`)}
    AS repeat_companies_key,
  ${orgs('SELECT org_id FROM scores WHERE later')} AS later_measured_key,
  (SELECT ${ks(coachKey('c.id'))} FROM coach c WHERE c.programme_id = $1
      AND ($3::int IS NULL OR (c.active_from <= make_date($3::int, 12, 31)
           AND (c.active_until IS NULL OR c.active_until >= make_date($3::int, 1, 1))))) AS coaches_key,
  (SELECT ${ks(coachKey('x.coach_id'))} FROM (SELECT DISTINCT coach_id FROM apps WHERE coach_id IS NOT NULL) x)
    AS coaches_with_applications_key,
  ${orgs('SELECT DISTINCT c.service_provider_id AS org_id FROM coach c WHERE c.programme_id = $1')} AS providers_key`;
}

export function reAimSql(
  programmeId: string,
  editionId: string | null,
  year: number | null,
  steps: number,
  rules: EligibilityRulesJson,
  options: { keySums?: boolean } = {},
): Statement {
  const params: unknown[] = [programmeId, editionId, year];
  const eligible = eligibleCompanySql(rules, params);
  const last = `a.stage${steps}_at`;
  const previous = steps > 1 ? `a.stage${steps - 1}_at` : 'a.stage1_at';
  const sql = `WITH apps AS (
  SELECT a.* FROM application a WHERE a.programme_id = $1 AND ($2::uuid IS NULL OR a.edition_id = $2::uuid)
), units AS (
  SELECT a.id AS application_id, a.edition_id, a.registration_type,
         COALESCE(m.organisation_id, a.organisation_id) AS org_id, a.stage1_at, ${last} AS done_at
    FROM apps a
    LEFT JOIN application_member m ON a.registration_type = 'GROUP' AND m.application_id = a.id
   WHERE a.registration_type <> 'GROUP' OR m.organisation_id IS NOT NULL
), participants AS (
  SELECT DISTINCT ON (org_id) org_id, ${localDay('stage1_at')} AS applied_on, ${localDay('done_at')} AS done_on
    FROM units WHERE done_at IS NOT NULL AND stage1_at IS NOT NULL
   ORDER BY org_id, done_at
), scores AS (
  SELECT p.org_id,
         (SELECT i.score FROM indicator_measurement i WHERE i.organisation_id = p.org_id
             AND i.measured_on <= p.applied_on ORDER BY i.measured_on DESC LIMIT 1) AS before,
         (SELECT i.score FROM indicator_measurement i WHERE i.organisation_id = p.org_id
             AND i.measured_on >= p.done_on ORDER BY i.measured_on LIMIT 1) AS after,
         EXISTS (SELECT 1 FROM indicator_measurement i WHERE i.organisation_id = p.org_id
                    AND i.measured_on >= p.done_on + 180) AS later
    FROM participants p
), all_participations AS (
  SELECT COALESCE(m.organisation_id, a.organisation_id) AS org_id, a.edition_id
    FROM application a
    LEFT JOIN application_member m ON a.registration_type = 'GROUP' AND m.application_id = a.id
   WHERE a.programme_id = $1 AND ${last} IS NOT NULL
     AND (a.registration_type <> 'GROUP' OR m.organisation_id IS NOT NULL)
)
SELECT
  (SELECT count(DISTINCT org_id) FROM units WHERE stage1_at IS NOT NULL)::int AS applied_companies,
  (SELECT count(*) FROM organisation o WHERE ${eligible})::int AS eligible,
  (SELECT count(DISTINCT u.org_id) FROM units u JOIN organisation o ON o.id = u.org_id
    WHERE u.stage1_at IS NOT NULL AND ${eligible})::int AS applied_eligible,
  (SELECT count(*) FROM participants)::int AS participated_companies,
  (SELECT count(DISTINCT organisation_id) FROM apps WHERE registration_type = 'GROUP' AND stage1_at IS NOT NULL)::int
    AS networks_registered,
  (SELECT count(*) FROM organisation WHERE kind = 'NETWORK')::int AS networks_in_registry,
  (SELECT count(DISTINCT org_id) FROM units WHERE registration_type = 'GROUP' AND stage1_at IS NOT NULL)::int
    AS network_member_companies,
  (SELECT count(*) FROM apps a WHERE ${last} IS NOT NULL)::int AS last_step,
  (SELECT count(*) FROM apps a WHERE ${previous} IS NOT NULL)::int AS previous_step,
  (SELECT count(*) FROM apps a WHERE a.stage1_at IS NOT NULL)::int AS first_step,
  (SELECT count(*) FROM scores WHERE before IS NOT NULL AND after IS NOT NULL)::int AS pairs,
  (SELECT count(*) FROM scores WHERE after > before)::int AS improved,
  (SELECT avg(before)::float8 FROM scores WHERE before IS NOT NULL AND after IS NOT NULL) AS mean_before,
  (SELECT avg(after)::float8 FROM scores WHERE before IS NOT NULL AND after IS NOT NULL) AS mean_after,
  (SELECT count(*) FROM participants p
    WHERE (SELECT count(DISTINCT x.edition_id) FROM all_participations x WHERE x.org_id = p.org_id) > 1)::int
    AS repeat_companies,
  (SELECT count(*) FROM scores WHERE later)::int AS later_measured,
  (SELECT count(*) FROM coach c WHERE c.programme_id = $1
      AND ($3::int IS NULL OR (c.active_from <= make_date($3::int, 12, 31)
           AND (c.active_until IS NULL OR c.active_until >= make_date($3::int, 1, 1)))))::int AS coaches,
  (SELECT count(DISTINCT coach_id) FROM apps WHERE coach_id IS NOT NULL)::int AS coaches_with_applications,
  (SELECT count(DISTINCT c.service_provider_id) FROM coach c WHERE c.programme_id = $1)::int AS providers,
  (SELECT count(*) FROM apps a WHERE a.stage2_at IS NOT NULL OR a.exit_stage = 'REJECTED')::int AS decided,
  (SELECT count(*) FROM apps a WHERE ${localDay("LEAST(a.stage2_at, CASE WHEN a.exit_stage = 'REJECTED' THEN a.exit_at END)")}
      - ${localDay('a.stage1_at')} <= 14)::int AS decided_within_14${options.keySums ? keySumColumns(eligible) : ''}`;
  return { sql, params };
}

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

function measure(
  dimension: ReAimDimension,
  key: string,
  definition: string,
  numerator: number | null,
  denominator: number | null,
  note: string | null = null,
  value?: number | null,
): ReAimMeasureData {
  const v =
    value !== undefined
      ? value
      : numerator !== null && denominator !== null
        ? ratio(numerator, denominator)
        : null;
  return {
    dimension,
    key,
    definition,
    numerator,
    denominator,
    value: v,
    available: v !== null,
    note: v === null && note === null ? 'Not enough data to compute this measure.' : note,
  };
}

export class ReAimService {
  constructor(private readonly ds: DataSource) {}

  async reAim(programmeKey: string, year?: number | null): Promise<ReAimData> {
    const programme = await loadProgramme(this.ds, programmeKey, 'programmeKey');
    const editionId =
      year == null ? null : (editionIdsForYears(programme, [year], 'year')?.[0] ?? null);
    const steps = programme.steps.length;
    if (steps === 0) throw badInput(`${programme.name} has no funnel steps`, 'programmeKey');
    const [{ eligibility }] = await this.ds.query(
      'SELECT eligibility FROM programme WHERE id = $1',
      [programme.id],
    );
    const statement = reAimSql(programme.id, editionId, year ?? null, steps, eligibility ?? {});
    const [r] = (await this.ds.query(statement.sql, statement.params)) as ReAimRow[];
    if (!r) throw new Error('RE-AIM query returned no row');
    const lastStep = programme.steps[steps - 1]!;
    const prevStep = programme.steps[Math.max(0, steps - 2)]!;
    const firstStep = programme.steps[0]!;

    const reach = measure(
      'REACH',
      'eligible-companies-reached',
      `Eligible companies in the registry that applied (${firstStep.label}), counting each company a group registration represents`,
      r.applied_eligible,
      r.eligible,
      r.eligible === 0 ? 'No eligible companies in the registry.' : null,
    );
    const participation = measure(
      'REACH',
      'participants',
      `Companies that reached "${lastStep.label}" out of the companies that applied`,
      r.participated_companies,
      r.applied_companies,
    );
    const effectiveness =
      r.pairs > 0
        ? measure(
            'EFFECTIVENESS',
            'indicator-improved',
            'Participants whose health-policy indicator score (0–100) after taking part is higher than before (last measurement on or before applying, first on or after the final step)',
            r.improved,
            r.pairs,
            `Mean score ${round(r.mean_before)} before, ${round(r.mean_after)} after.`,
          )
        : measure(
            'EFFECTIVENESS',
            'indicator-improved',
            'Participants whose health-policy indicator score is higher after taking part than before',
            null,
            null,
            'No participant has an indicator measurement both before and after taking part.',
          );
    const meanChange = measure(
      'EFFECTIVENESS',
      'indicator-mean-change',
      'Mean change in indicator score (after − before) over participants measured both times',
      null,
      r.pairs > 0 ? r.pairs : null,
      r.pairs > 0 ? null : 'No before-and-after measurements.',
      r.pairs > 0 && r.mean_before !== null && r.mean_after !== null
        ? round(r.mean_after - r.mean_before)
        : null,
    );
    const scan = await scanChanges(this.ds, programme.id, editionId, steps);
    const scanChange = {
      ...measure(
        'EFFECTIVENESS',
        'scan-mean-change',
        'Mean change in health-policy scan score (follow-up − baseline) over participants with a baseline scan on or before applying and a follow-up on or after the final step, with its 95 % t-interval',
        null,
        scan.total.pairs > 0 ? scan.total.pairs : null,
        scan.total.pairs > 0
          ? `Mean score ${scan.total.meanBefore} at baseline, ${scan.total.meanAfter} at follow-up (n = ${scan.total.pairs}).`
          : 'No participant has both a baseline and a follow-up scan.',
        scan.total.meanChange,
      ),
      lower: scan.total.lower,
      upper: scan.total.upper,
    };
    const networks = measure(
      'ADOPTION',
      'networks',
      'Networks (bedrijvenverenigingen) that registered their members, out of the networks in the registry',
      r.networks_registered,
      r.networks_in_registry,
      `${r.network_member_companies} member companies were represented by network registrations.`,
    );
    const memberCompanies = measure(
      'ADOPTION',
      'network-member-companies',
      'Companies represented by a network registration, out of all companies that applied',
      r.network_member_companies,
      r.applied_companies,
    );
    const hasCoaches = r.coaches > 0;
    const coachAdoption = hasCoaches
      ? measure(
          'ADOPTION',
          'coaches-engaged',
          'Coaches with at least one assigned application, out of the coaches available',
          r.coaches_with_applications,
          r.coaches,
          `${r.coaches} coaches at ${r.providers} service providers.`,
        )
      : null;
    const implementation = measure(
      'IMPLEMENTATION',
      'completion',
      `Applications that reached "${lastStep.label}" out of those that reached "${prevStep.label}"`,
      r.last_step,
      r.previous_step,
    );
    // Only programmes that decide (approve or reject) have a decision lead time.
    const decides = programme.exits.some((e) => e.key === 'REJECTED');
    const leadTime =
      steps > 1 && decides
        ? measure(
            'IMPLEMENTATION',
            'decided-within-14-days',
            'Decided applications assessed within 14 calendar days',
            r.decided_within_14,
            r.decided,
          )
        : null;
    const maintenance = measure(
      'MAINTENANCE',
      'repeat-participation',
      'Participating companies that took part in more than one edition',
      r.repeat_companies,
      r.participated_companies,
    );
    const laterMeasured = measure(
      'MAINTENANCE',
      'later-indicator-measurement',
      'Participants with an indicator measurement at least 180 days after taking part',
      r.later_measured,
      r.participated_companies,
    );
    const measures = [
      reach,
      participation,
      effectiveness,
      meanChange,
      scanChange,
      networks,
      memberCompanies,
      ...(coachAdoption ? [coachAdoption] : []),
      implementation,
      ...(leadTime ? [leadTime] : []),
      maintenance,
      laterMeasured,
    ];
    return {
      programmeKey: programme.key,
      year: year ?? null,
      reach,
      effectiveness,
      adoption: coachAdoption ?? networks,
      implementation,
      maintenance,
      measures,
      coachingCapacity: hasCoaches
        ? {
            coaches: r.coaches,
            coachesWithApplications: r.coaches_with_applications,
            serviceProviders: r.providers,
          }
        : null,
      scanChangeByCohort: scan.byYear,
    };
  }
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
