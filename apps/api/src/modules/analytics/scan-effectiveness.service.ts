import { meanInterval, RECORD_KEY_MODULUS } from '@werkgezond/domain';
import type { DataSource } from 'typeorm';
import { localDay } from '../../semantic/units.js';

/** Mean change of the scan score over paired baseline / follow-up scans, with its t-interval. */
export interface ScanChangeData {
  /** Edition year of the participation; null for all editions together. */
  year: number | null;
  pairs: number;
  meanBefore: number | null;
  meanAfter: number | null;
  meanChange: number | null;
  lower: number | null;
  upper: number | null;
}

interface Row {
  year: number | null;
  pairs: number;
  improved: number;
  key_sum: number;
  improved_key_sum: number;
  mean_before: number | null;
  mean_after: number | null;
  mean_change: number | null;
  sd_change: number | null;
}

/**
 * Pairs per participating company (a company reaching the programme's last step): its last
 * submitted scan on or before the day it applied (baseline) and its first on or after the day it
 * completed (follow-up). Grouped by edition year and in total (ROLLUP), all in PostgreSQL.
 */
export async function scanChanges(
  ds: DataSource,
  programmeId: string,
  editionId: string | null,
  steps: number,
): Promise<{
  total: ScanChangeData;
  improved: number;
  /** Cell keys (sums of the companies' record keys) of all pairs and of the improved ones. */
  keySums: { pairs: number; improved: number };
  byYear: ScanChangeData[];
}> {
  const last = `a.stage${steps}_at`;
  const scan = (cmp: string, order: string) =>
    `(SELECT s.score::float8 FROM health_policy_scan s
       WHERE s.organisation_id = p.org_id AND s.status = 'SUBMITTED'
         AND ${localDay('s.submitted_at')} ${cmp}
       ORDER BY s.submitted_at ${order} LIMIT 1)`;
  const rows: Row[] = await ds.query(
    `WITH units AS (
  SELECT a.edition_id, COALESCE(m.organisation_id, a.organisation_id) AS org_id,
         a.stage1_at, ${last} AS done_at
    FROM application a
    LEFT JOIN application_member m ON a.registration_type = 'GROUP' AND m.application_id = a.id
   WHERE a.programme_id = $1 AND ($2::uuid IS NULL OR a.edition_id = $2::uuid)
     AND (a.registration_type <> 'GROUP' OR m.organisation_id IS NOT NULL)
), participants AS (
  SELECT DISTINCT ON (org_id) org_id, edition_id, ${localDay('stage1_at')} AS applied_on,
         ${localDay('done_at')} AS done_on
    FROM units WHERE done_at IS NOT NULL AND stage1_at IS NOT NULL
   ORDER BY org_id, done_at
), pairs AS (
  SELECT e.year, o.record_key, ${scan('<= p.applied_on', 'DESC')} AS before, ${scan('>= p.done_on', 'ASC')} AS after
    FROM participants p JOIN edition e ON e.id = p.edition_id JOIN organisation o ON o.id = p.org_id
)
SELECT year, count(*)::int AS pairs, count(*) FILTER (WHERE after > before)::int AS improved,
       (sum(record_key) % ${RECORD_KEY_MODULUS})::int AS key_sum,
       (COALESCE(sum(record_key) FILTER (WHERE after > before), 0) % ${RECORD_KEY_MODULUS})::int AS improved_key_sum,
       avg(before)::float8 AS mean_before,
       avg(after)::float8 AS mean_after, avg(after - before)::float8 AS mean_change,
       stddev_samp(after - before)::float8 AS sd_change
  FROM pairs WHERE before IS NOT NULL AND after IS NOT NULL
 GROUP BY ROLLUP (year) ORDER BY year NULLS LAST`,
    [programmeId, editionId],
  );
  const toData = (r: Row | undefined, year: number | null): ScanChangeData => {
    const ci = meanInterval(r?.pairs ?? 0, r?.mean_change ?? null, r?.sd_change ?? null);
    return {
      year,
      pairs: r?.pairs ?? 0,
      meanBefore: round2(r?.mean_before ?? null),
      meanAfter: round2(r?.mean_after ?? null),
      meanChange: round2(ci.mean),
      lower: round2(ci.lower),
      upper: round2(ci.upper),
    };
  };
  const total = rows.find((r) => r.year === null);
  return {
    total: toData(total, null),
    improved: total?.improved ?? 0,
    keySums: { pairs: total?.key_sum ?? 0, improved: total?.improved_key_sum ?? 0 },
    byYear: rows.filter((r) => r.year !== null).map((r) => toData(r, r.year)),
  };
}

const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
