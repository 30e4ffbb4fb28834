import type { DataSource } from 'typeorm';
import { badInput } from '../graphql/errors.js';
import {
  NACE_SECTION_KEYS,
  REGISTRATION_TYPE_KEYS,
  RESEARCH_DIMENSIONS,
  type ResearchDimension,
  type ResearchFilterValues,
  SIZE_CLASS_KEYS,
} from './research-dimensions.js';

export interface DimensionValueInfo {
  key: string | null;
  label: string;
}

interface CatalogData {
  values: Record<ResearchDimension, DimensionValueInfo[]>;
  /** Step keys that are not the last step of their programme. */
  intermediateSteps: string[];
  programmes: { key: string; name: string; years: number[]; stages: string[] }[];
}

/**
 * The values each dimension can take (registry and programme metadata: nothing about a single
 * company). It prices queries before they run (groups = product of the requested dimensions'
 * value counts) and gives answers complete tables, zero cells included, so suppression sees
 * every cell.
 *
 * One catalog per request, read from PostgreSQL on first use (one statement, about 3 ms warm
 * on the bundled dataset's 3,000 organisations): a programme, edition or channel an admin adds
 * through any API instance is in the next research request of every instance. An in-process
 * copy refreshed on a timer made instances disagree for up to its refresh interval.
 */
export class DimensionCatalog {
  private data: CatalogData | null = null;
  private loading: Promise<void> | null = null;

  async ensureLoaded(ds: DataSource): Promise<void> {
    if (this.data) return;
    this.loading ??= this.load(ds).catch((error: unknown) => {
      this.loading = null;
      throw error;
    });
    await this.loading;
  }

  private async load(ds: DataSource): Promise<void> {
    const [row] = await ds.query(`
      SELECT
        (SELECT json_agg(json_build_object('key', p.key, 'name', p.name,
                 'years', (SELECT COALESCE(json_agg(e.year ORDER BY e.year), '[]') FROM edition e
                            WHERE e.programme_id = p.id),
                 'stages', (SELECT COALESCE(json_agg(sd.key ORDER BY sd.kind DESC, sd.position), '[]')
                              FROM stage_definition sd WHERE sd.programme_id = p.id),
                 'steps', (SELECT COALESCE(json_agg(sd.key ORDER BY sd.position), '[]')
                              FROM stage_definition sd WHERE sd.programme_id = p.id AND sd.kind = 'STEP'))
                 ORDER BY p.key)
           FROM programme p) AS programmes,
        (SELECT json_agg(DISTINCT e.year) FROM edition e) AS years,
        (SELECT json_agg(json_build_object('key', s.key, 'label', s.label) ORDER BY s.kind DESC, s.position, s.key)
           FROM (SELECT DISTINCT ON (key) key, label, kind, position FROM stage_definition
                  ORDER BY key, kind, position) s) AS stages,
        (SELECT json_agg(json_build_object('key', c.key, 'label', c.name) ORDER BY c.key)
           FROM outreach_channel c) AS channels,
        (WITH RECURSIVE p AS (
           -- The provinces present, one index probe each (a skip scan), not a scan of every company.
           (SELECT o.province FROM organisation o WHERE o.kind = 'COMPANY' AND o.province IS NOT NULL
             ORDER BY o.province LIMIT 1)
           UNION ALL
           SELECT (SELECT o.province FROM organisation o WHERE o.kind = 'COMPANY' AND o.province > p.province
                    ORDER BY o.province LIMIT 1)
             FROM p WHERE p.province IS NOT NULL)
         SELECT json_agg(province ORDER BY province) FROM p WHERE province IS NOT NULL) AS provinces`);
    const stages = (row.stages ?? []) as { key: string; label: string }[];
    const unknown: DimensionValueInfo = { key: null, label: 'Onbekend' };
    this.data = {
      intermediateSteps: (row.programmes ?? []).flatMap((p: { steps?: string[] }) =>
        (p.steps ?? []).slice(0, -1),
      ),
      programmes: row.programmes ?? [],
      values: {
        PROGRAMME: (row.programmes ?? []).map((p: { key: string; name: string }) => ({
          key: p.key,
          label: p.name,
        })),
        EDITION_YEAR: ((row.years ?? []) as number[])
          .sort((a, b) => a - b)
          .map((y) => ({ key: String(y), label: String(y) })),
        STAGE: stages.map((s) => ({ key: s.key, label: s.label })),
        CHANNEL: [...(row.channels ?? []), unknown],
        SIZE_CLASS: [...SIZE_CLASS_KEYS.map((k) => ({ key: k, label: k })), unknown],
        SECTOR: [...NACE_SECTION_KEYS.map((k) => ({ key: k, label: `NACE ${k}` })), unknown],
        PROVINCE: [
          ...((row.provinces ?? []) as string[]).sort().map((p) => ({ key: p, label: p })),
          unknown,
        ],
        REGISTRATION_TYPE: REGISTRATION_TYPE_KEYS.map((k) => ({ key: k, label: k })),
        COMMITTEE: [
          { key: 'false', label: 'Zonder comité voor preventie en bescherming' },
          { key: 'true', label: 'Met comité voor preventie en bescherming' },
        ],
      },
    };
  }

  private get loaded(): CatalogData {
    if (!this.data) throw new Error('dimension catalog used before it was loaded');
    return this.data;
  }

  get programmes() {
    return this.loaded.programmes;
  }

  /**
   * Whether a STAGE value counts the companies *still at* a funnel step that is not the last
   * one: a detail of the funnel (the cumulative steps and the exits are its headline numbers;
   * the last step's current count is its cumulative count).
   */
  isIntermediateStep(stage: string | null): boolean {
    return stage !== null && this.loaded.intermediateSteps.includes(stage);
  }

  /** Values of a dimension, restricted to the filter's list when there is one. */
  values(d: ResearchDimension, filter?: ResearchFilterValues): DimensionValueInfo[] {
    const all = this.loaded.values[d];
    const list = filter?.[d];
    return list?.length ? all.filter((v) => v.key !== null && list.includes(v.key)) : all;
  }

  /**
   * Whether a combination of values can occur at all: a stage or edition year belongs to one
   * programme. Impossible combinations are left out of tables (they are not informative zeros).
   */
  possible(values: ReadonlyMap<ResearchDimension, string | null>): boolean {
    const programme = values.get('PROGRAMME');
    if (programme === undefined || programme === null) return true;
    const p = this.loaded.programmes.find((x) => x.key === programme);
    if (!p) return false;
    const stage = values.get('STAGE');
    if (stage !== undefined && stage !== null && !p.stages.includes(stage)) return false;
    const year = values.get('EDITION_YEAR');
    if (year !== undefined && year !== null && !p.years.includes(Number(year))) return false;
    return true;
  }

  /** Groups a breakdown by these dimensions yields (plus its total), for the cost estimate. */
  groups(dimensions: readonly ResearchDimension[], filter?: ResearchFilterValues): number {
    if (!this.data) return 1;
    return dimensions.reduce((n, d) => n * Math.max(1, this.values(d, filter).length), 1);
  }

  /** Checks every filter value against the known values; unknown values are BAD_USER_INPUT. */
  validateFilter(filter: ResearchFilterValues, field: string): void {
    for (const d of RESEARCH_DIMENSIONS) {
      const list = filter[d];
      if (!list) continue;
      const known = new Set(this.loaded.values[d].map((v) => v.key));
      for (const value of list) {
        if (!known.has(value)) throw badInput(`Unknown ${d.toLowerCase()} value "${value}"`, field);
      }
    }
  }
}
