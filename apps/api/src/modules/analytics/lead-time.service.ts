import type { DataSource } from 'typeorm';
import { dayEnd } from '../../database/sql.js';
import { badInput } from '../../graphql/errors.js';
import type { DimensionFilter, FunnelDimension } from '../../semantic/dimensions.js';
import { metricSql } from '../../semantic/measures.js';
import { filterCondition, joinsFor, localDay, stepAt, unitFrom } from '../../semantic/units.js';
import { rate } from './funnel.assemble.js';
import type { RateData } from './funnel.model.js';
import { FunnelService } from './funnel.service.js';
import type { Statement } from './funnel.sql.js';

export interface LeadTimeQuery {
  programmeKey: string;
  years?: readonly number[] | null;
  asOf?: Date | string | null;
  /** "Decided within N days" (default 14: "binnen de 2 weken"). */
  withinDays?: number | null;
  /** Histogram bucket width in days (default 7). */
  bucketDays?: number | null;
  filter?: DimensionFilter | null;
}

export interface HistogramBucketData {
  fromDays: number;
  toDays: number;
  count: number;
}

export interface LeadTimeData {
  programmeKey: string;
  asOf: string | null;
  years: number[] | null;
  /** The stages that count as a decision: the second step, and the REJECTED exit if defined. */
  decisionStages: string[];
  decided: number;
  /** Applied (as of the date) but neither decided nor otherwise ended yet. */
  pending: number;
  medianDays: number | null;
  p90Days: number | null;
  meanDays: number | null;
  minDays: number | null;
  maxDays: number | null;
  withinDays: number;
  decidedWithin: number;
  /** decidedWithin / decided, with its Wilson 95 % interval. */
  shareWithin: RateData;
  histogram: HistogramBucketData[];
}

interface LeadTimeRow {
  decided: number;
  pending: number;
  within: number;
  pct: number[] | null;
  mean: number | null;
  min: number | null;
  max: number | null;
  histogram: { bucket: number; n: number }[] | null;
}

/**
 * Decision lead time (doorlooptijd) in whole calendar days in Brussels, from the first step
 * (application) to the decision: the second step (approval) or a rejection, whichever came first.
 */
export function leadTimeSql(
  programmeId: string,
  asOf: string | null,
  decisionExits: readonly string[],
  within: number,
  bucket: number,
  filter: Partial<Record<FunnelDimension, string[]>>,
): Statement {
  const params: unknown[] = [programmeId, asOf, decisionExits, within, bucket];
  const joins = joinsFor(Object.keys(filter) as FunnelDimension[]);
  const { from, where } = unitFrom({ unit: 'APPLICATIONS', ...joins });
  const m = metricSql(2, 'b.t');
  const conditions = ['a.programme_id = $1', m.reached(1), ...where];
  for (const [d, values] of Object.entries(filter) as [FunnelDimension, string[]][]) {
    params.push(values);
    conditions.push(filterCondition(d, `$${params.length}`));
  }
  const sql = `WITH b AS (SELECT CASE WHEN $2::date IS NULL THEN 'infinity'::timestamptz ELSE ${dayEnd('$2')} END AS t),
u AS (
  SELECT ${stepAt(1)} AS applied_at,
         ${m.decidedAt('$3::text[]')} AS decided_at,
         COALESCE(${m.exitVisible}, false) AS ended
    FROM b, ${from}
   WHERE ${conditions.join(' AND ')}
), d AS (
  SELECT ${localDay('decided_at')} - ${localDay('applied_at')} AS days FROM u WHERE decided_at IS NOT NULL
)
SELECT (SELECT count(*) FROM d)::int AS decided,
       (SELECT count(*) FROM u WHERE decided_at IS NULL AND NOT ended)::int AS pending,
       (SELECT count(*) FROM d WHERE days <= $4)::int AS within,
       (SELECT percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY days) FROM d) AS pct,
       (SELECT avg(days)::float8 FROM d) AS mean,
       (SELECT min(days) FROM d) AS min,
       (SELECT max(days) FROM d) AS max,
       (SELECT json_agg(json_build_object('bucket', bucket, 'n', n) ORDER BY bucket)
          FROM (SELECT floor(days::numeric / $5)::int AS bucket, count(*)::int AS n FROM d GROUP BY 1) h) AS histogram`;
  return { sql, params };
}

export class LeadTimeService {
  private readonly funnels: FunnelService;

  constructor(private readonly ds: DataSource) {
    this.funnels = new FunnelService(ds);
  }

  async decisionLeadTime(query: LeadTimeQuery): Promise<LeadTimeData> {
    const within = query.withinDays ?? 14;
    if (!Number.isInteger(within) || within < 0 || within > 3650) {
      throw badInput('withinDays must be a whole number of days (0–3650)', 'withinDays');
    }
    const bucket = query.bucketDays ?? 7;
    if (!Number.isInteger(bucket) || bucket < 1 || bucket > 365) {
      throw badInput('bucketDays must be a whole number of days (1–365)', 'bucketDays');
    }
    const scope = await this.funnels.scope({ ...query, breakdownBy: [], unit: 'APPLICATIONS' }, '');
    const { programme } = scope;
    const second = programme.steps[1];
    const decisionExits = programme.exits.filter((e) => e.key === 'REJECTED').map((e) => e.key);
    // Without a rejection there is no decision: the award's second step is the dossier.
    if (!second || decisionExits.length === 0) {
      throw badInput(`${programme.name} has no decision step`, 'programmeKey');
    }
    const statement = leadTimeSql(
      programme.id,
      scope.asOf,
      decisionExits,
      within,
      bucket,
      scope.filter,
    );
    const [row] = (await this.ds.query(statement.sql, statement.params)) as LeadTimeRow[];
    if (!row) throw new Error('lead time query returned no row');
    const buckets = new Map((row.histogram ?? []).map((h) => [h.bucket, h.n]));
    const histogram: HistogramBucketData[] = [];
    if (buckets.size > 0) {
      const keys = [...buckets.keys()];
      for (let b = Math.min(0, ...keys); b <= Math.max(...keys); b++) {
        histogram.push({
          fromDays: b * bucket,
          toDays: b * bucket + bucket - 1,
          count: buckets.get(b) ?? 0,
        });
      }
    }
    return {
      programmeKey: programme.key,
      asOf: scope.asOf,
      years: scope.years,
      decisionStages: [second.key, ...decisionExits],
      decided: row.decided,
      pending: row.pending,
      medianDays: row.pct?.[0] ?? null,
      p90Days: row.pct?.[1] ?? null,
      meanDays: row.mean === null ? null : Math.round(row.mean * 100) / 100,
      minDays: row.min,
      maxDays: row.max,
      withinDays: within,
      decidedWithin: row.within,
      shareWithin: rate(row.within, row.decided),
      histogram,
    };
  }
}
