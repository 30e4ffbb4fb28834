import { CELL_KEY_PROTECTION, type LinkedCell, RECORD_KEY_MODULUS } from '@werkgezond/domain';
import type { DataSource } from 'typeorm';
import { scanChanges } from '../modules/analytics/scan-effectiveness.service.js';
import { editionIdsForYears, loadProgramme } from '../modules/analytics/scope.js';
import { protect, toCountCell } from './cell-protection.js';
import type { CountCell, StatCell } from './research.types.js';
import type { ResearchScanChange, ResearchScanDistribution } from './scan-research.types.js';

const BIN = 10;
const BINS = 10;

const stat = (value: number | null, ok: boolean): StatCell =>
  ok && value !== null
    ? { value: Math.round(value * 100) / 100, suppressed: false, reason: null }
    : { value: null, suppressed: true, reason: 'DERIVED' };

/**
 * Health-policy scan aggregates for researchers, through the research API's cell protection:
 * every count rests on at least `threshold` companies or is withheld (with complements so the
 * published total cannot give a hidden bin back), and every statistic derived from too few
 * companies is withheld too. Aggregated in PostgreSQL.
 */
export class ScanResearchService {
  constructor(
    private readonly ds: DataSource,
    private readonly threshold: number,
  ) {}

  async distribution(): Promise<ResearchScanDistribution> {
    const rows: {
      bin: number;
      n: number;
      key_sum: number;
      total: number;
      total_key_sum: number;
      mean: number | null;
    }[] = await this.ds.query(
      `WITH latest AS (
           SELECT DISTINCT ON (s.organisation_id) s.score::float8 AS score, o.record_key
             FROM health_policy_scan s JOIN organisation o ON o.id = s.organisation_id
            WHERE s.status = 'SUBMITTED' AND o.kind = 'COMPANY'
            ORDER BY s.organisation_id, s.submitted_at DESC
         )
         SELECT b.bin, count(l.score)::int AS n,
                (COALESCE(sum(l.record_key), 0) % ${RECORD_KEY_MODULUS})::int AS key_sum,
                (SELECT count(*) FROM latest)::int AS total,
                (SELECT COALESCE(sum(record_key), 0) % ${RECORD_KEY_MODULUS} FROM latest)::int AS total_key_sum,
                (SELECT avg(score) FROM latest)::float8 AS mean
           FROM generate_series(0, $1 - 1) AS b(bin)
           LEFT JOIN latest l ON LEAST(floor(l.score / $2)::int, $1 - 1) = b.bin
          GROUP BY b.bin ORDER BY b.bin`,
      [BINS, BIN],
    );
    const total = rows[0]?.total ?? 0;
    const cells: LinkedCell[] = [
      { key: 'total', value: total },
      ...rows.map((r) => ({ key: `bin${r.bin}`, value: r.n })),
    ];
    const result = protect(
      cells,
      [{ total: 'total', parts: rows.map((r) => `bin${r.bin}`) }],
      this.threshold,
    );
    const companies = toCountCell(result.get('total'), total, rows[0]?.total_key_sum ?? 0);
    const enough = !companies.suppressed && total >= this.threshold;
    return {
      companies,
      bins: rows.map((r) => ({
        from: r.bin * BIN,
        to: r.bin === BINS - 1 ? 100 : (r.bin + 1) * BIN,
        companies: toCountCell(result.get(`bin${r.bin}`), r.n, r.key_sum),
      })),
      mean: stat(rows[0]?.mean ?? null, enough),
      median: stat(binnedMedian(rows), enough),
      protection: CELL_KEY_PROTECTION,
    };
  }

  async pairedChange(programmeKey: string, year: number | null): Promise<ResearchScanChange> {
    const programme = await loadProgramme(this.ds, programmeKey, 'programmeKey');
    const editionId =
      year == null ? null : (editionIdsForYears(programme, [year], 'year')?.[0] ?? null);
    const { total, improved, keySums } = await scanChanges(
      this.ds,
      programme.id,
      editionId,
      programme.steps.length,
    );
    const cells: LinkedCell[] = [
      { key: 'pairs', value: total.pairs },
      { key: 'improved', value: improved },
      { key: 'rest', value: Math.max(0, total.pairs - improved), published: false },
    ];
    const result = protect(
      cells,
      [{ total: 'pairs', parts: ['improved', 'rest'] }],
      this.threshold,
    );
    const pairs: CountCell = toCountCell(result.get('pairs'), total.pairs, keySums.pairs);
    const ok = !pairs.suppressed && total.pairs >= this.threshold;
    return {
      programmeKey: programme.key,
      year,
      pairs,
      improved: toCountCell(result.get('improved'), improved, keySums.improved),
      meanChange: stat(total.meanChange, ok),
      lower: stat(total.lower, ok),
      upper: stat(total.upper, ok),
      protection: CELL_KEY_PROTECTION,
    };
  }
}

/** Median from the bin counts (linear within the median's bin): no single score is revealed. */
function binnedMedian(rows: { bin: number; n: number }[]): number | null {
  const total = rows.reduce((a, r) => a + r.n, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const r of rows) {
    if (seen + r.n >= total / 2 && r.n > 0) return r.bin * BIN + ((total / 2 - seen) / r.n) * BIN;
    seen += r.n;
  }
  return null;
}
