/**
 * Resolving and validating what an analytics question is about: the programme (its steps, exits
 * and editions), the as-of date, the unit, the breakdowns and the filter values. Every problem is
 * a BAD_USER_INPUT error naming the offending argument.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { dayEnd, isoDate } from '../../database/sql.js';
import { badInput } from '../../graphql/errors.js';
import {
  type DimensionFilter,
  FILTER_FIELDS,
  FUNNEL_DIMENSIONS,
  type FunnelDimension,
  type FunnelUnit,
  type LabelSources,
  NACE_SECTIONS,
  type ResolvedFilter,
} from '../../semantic/dimensions.js';

type Db = DataSource | EntityManager;

export interface StageMeta {
  key: string;
  label: string;
  kind: 'STEP' | 'EXIT';
  position: number;
}

export interface EditionMeta {
  id: string;
  year: number;
  name: string;
  opensOn: string;
  closesOn: string | null;
}

export interface RollupStatus {
  /** A rollup exists and no committed change happened after the snapshot it was built from. */
  fresh: boolean;
  /** The as-of date (if any) is after the programme's last event when the rollup was built. */
  coversAsOf: boolean;
}

export interface ProgrammeMeta {
  id: string;
  key: string;
  name: string;
  /** Funnel steps ordered by position (1..n, at most 4). */
  steps: StageMeta[];
  exits: StageMeta[];
  editions: EditionMeta[];
  channels: { id: string; key: string; name: string }[];
  serviceProviders: { id: string; name: string }[];
  rollup: RollupStatus;
}

/** Anything that can stand for a calendar date in the API: a GraphQL Date or 'YYYY-MM-DD'. */
export type DateInput = Date | string;

export function toIsoDate(value: DateInput, field: string): string {
  const text = value instanceof Date ? isoDate(value) : value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    throw badInput(`${field} must be a date (YYYY-MM-DD)`, field);
  }
  return text;
}

/**
 * One statement for everything a query needs to know about its programme, including whether the
 * rollup may answer (built, nothing changed since, and `asOf` after the last event it holds).
 * Exported so the benchmark runs exactly what the service runs.
 */
export const PROGRAMME_META_SQL = `
SELECT p.id, p.key, p.name,
  COALESCE((SELECT json_agg(json_build_object('key', sd.key, 'label', sd.label, 'kind', sd.kind,
                    'position', sd.position) ORDER BY sd.kind, sd.position)
              FROM stage_definition sd WHERE sd.programme_id = p.id), '[]') AS stages,
  COALESCE((SELECT json_agg(json_build_object('id', e.id, 'year', e.year, 'name', e.name,
                    'opensOn', e.opens_on, 'closesOn', e.closes_on) ORDER BY e.year)
              FROM edition e WHERE e.programme_id = p.id), '[]') AS editions,
  CASE WHEN $2 THEN COALESCE((SELECT json_agg(json_build_object('id', c.id, 'key', c.key, 'name', c.name)
                    ORDER BY c.name) FROM outreach_channel c), '[]') END AS channels,
  CASE WHEN $3 THEN COALESCE((SELECT json_agg(json_build_object('id', s.id, 'name', s.name) ORDER BY s.name)
                    FROM organisation s WHERE s.kind = 'SERVICE_PROVIDER'), '[]') END AS providers,
  (SELECT NOT EXISTS (SELECT 1 FROM analytics_change_log l
                       WHERE NOT pg_visible_in_snapshot(l.xid::text::xid8, r.snapshot::pg_snapshot))
     FROM analytics_rollup_state r WHERE r.id = 1) AS rollup_fresh,
  ($4::date IS NULL OR NOT EXISTS (SELECT 1 FROM analytics_rollup_programme rp
                                    WHERE rp.programme_id = p.id AND rp.last_event_at >= ${dayEnd('$4')}))
    AS rollup_covers
FROM programme p WHERE p.key = $1`;

export interface MetaRow {
  id: string;
  key: string;
  name: string;
  stages: StageMeta[];
  editions: EditionMeta[];
  channels: { id: string; key: string; name: string }[] | null;
  providers: { id: string; name: string }[] | null;
  rollup_fresh: boolean | null;
  rollup_covers: boolean;
}

export interface MetaOptions {
  asOf?: string | null;
  channels?: boolean;
  serviceProviders?: boolean;
}

export function programmeMetaParams(key: string, options: MetaOptions = {}): unknown[] {
  return [key, options.channels ?? false, options.serviceProviders ?? false, options.asOf ?? null];
}

export async function loadProgramme(
  db: Db,
  key: string,
  field: string,
  options: MetaOptions = {},
): Promise<ProgrammeMeta> {
  if (typeof key !== 'string' || key.length === 0 || key.length > 64) {
    throw badInput('Unknown programme', field);
  }
  const rows: MetaRow[] = await db.query(PROGRAMME_META_SQL, programmeMetaParams(key, options));
  const row = rows[0];
  if (!row) throw badInput(`Unknown programme "${key}"`, field);
  return programmeFromRow(row);
}

/** The programme statement's row as ProgrammeMeta. */
export function programmeFromRow(row: MetaRow): ProgrammeMeta {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    steps: row.stages.filter((s) => s.kind === 'STEP').sort((a, b) => a.position - b.position),
    exits: row.stages.filter((s) => s.kind === 'EXIT').sort((a, b) => a.position - b.position),
    editions: row.editions,
    channels: row.channels ?? [],
    serviceProviders: row.providers ?? [],
    rollup: { fresh: row.rollup_fresh === true, coversAsOf: row.rollup_covers },
  };
}

export function labelSources(p: ProgrammeMeta): LabelSources {
  return {
    editions: new Map(p.editions.map((e) => [e.id, { year: e.year, name: e.name }])),
    channels: new Map(p.channels.map((c) => [c.key, c.name])),
    serviceProviders: new Map(p.serviceProviders.map((s) => [s.id, s.name])),
  };
}

/** The first day the programme existed: the opening of its first edition. */
export function programmeStart(p: ProgrammeMeta): string | null {
  return p.editions.map((e) => e.opensOn).sort()[0] ?? null;
}

export function assertAsOf(p: ProgrammeMeta, asOf: string | null, field: string): void {
  const start = programmeStart(p);
  if (asOf !== null && start !== null && asOf < start) {
    throw badInput(
      `${field} ${asOf} is before ${p.name} existed (its first edition opened on ${start})`,
      field,
    );
  }
}

export function editionIdsForYears(
  p: ProgrammeMeta,
  years: readonly number[] | null | undefined,
  field: string,
): string[] | null {
  if (!years || years.length === 0) return null;
  return years.map((year) => {
    const edition = p.editions.find((e) => e.year === year);
    if (!edition) {
      const known = p.editions.map((e) => e.year).join(', ');
      throw badInput(`${p.name} has no edition ${year} (editions: ${known})`, field);
    }
    return edition.id;
  });
}

export function assertBreakdown(
  breakdown: readonly FunnelDimension[] | null | undefined,
  field: string,
): FunnelDimension[] {
  const list = [...(breakdown ?? [])];
  for (const d of list) {
    if (!FUNNEL_DIMENSIONS.includes(d)) throw badInput(`Unknown dimension ${String(d)}`, field);
  }
  if (list.length > 2) throw badInput('Break down by at most two dimensions', field);
  if (new Set(list).size !== list.length) throw badInput('A dimension appears twice', field);
  return list;
}

export function assertUnit(unit: FunnelUnit | null | undefined, field: string): FunnelUnit {
  const value = unit ?? 'APPLICATIONS';
  if (value !== 'APPLICATIONS' && value !== 'COMPANIES')
    throw badInput(`Unknown unit ${value}`, field);
  return value;
}

const SIZE_CLASSES = new Set(['MICRO', 'SMALL', 'MEDIUM', 'LARGE']);
const REGISTRATION_TYPES = new Set(['INDIVIDUAL', 'GROUP']);

/** Dimensions with a non-empty list in the filter. */
export function filteredDimensions(filter: DimensionFilter | null | undefined): FunnelDimension[] {
  if (!filter) return [];
  return FUNNEL_DIMENSIONS.filter((d) => (filter[FILTER_FIELDS[d]]?.length ?? 0) > 0);
}

/**
 * Checks every filter value against the programme and the registry and turns it into the text
 * form the SQL compares with. Provinces are looked up in the organisation registry (one probe per
 * value, which stops at the first match).
 */
export async function resolveFilter(
  db: Db,
  p: ProgrammeMeta,
  filter: DimensionFilter | null | undefined,
  field: string,
): Promise<ResolvedFilter> {
  const out: ResolvedFilter = {};
  if (!filter) return out;
  const f = (name: keyof DimensionFilter) => `${field}.${name}`;
  const list = <T>(v: readonly T[] | null | undefined): T[] => [...new Set(v ?? [])];

  const editions = list(filter.editions);
  if (editions.length) out.EDITION = editionIdsForYears(p, editions, f('editions')) ?? [];

  const channels = list(filter.channels);
  if (channels.length) {
    for (const key of channels) {
      if (!p.channels.some((c) => c.key === key))
        throw badInput(`Unknown channel "${key}"`, f('channels'));
    }
    out.CHANNEL = channels;
  }
  const sizes = list(filter.sizeClasses);
  if (sizes.length) {
    for (const s of sizes)
      if (!SIZE_CLASSES.has(s)) throw badInput(`Unknown size class ${s}`, f('sizeClasses'));
    out.SIZE_CLASS = sizes;
  }
  const sectors = list(filter.sectors).map((s) => s.trim().toUpperCase());
  if (sectors.length) {
    for (const s of sectors) {
      if (!NACE_SECTIONS[s]) throw badInput(`Unknown NACE section "${s}" (A–U)`, f('sectors'));
    }
    out.SECTOR = sectors;
  }
  const types = list(filter.registrationTypes);
  if (types.length) {
    for (const t of types) {
      if (!REGISTRATION_TYPES.has(t))
        throw badInput(`Unknown registration type ${t}`, f('registrationTypes'));
    }
    out.REGISTRATION_TYPE = types;
  }
  const committee = list(filter.hasPreventionCommittee);
  if (committee.length) out.HAS_PREVENTION_COMMITTEE = committee.map(String);

  const providers = list(filter.serviceProviders);
  if (providers.length) {
    out.SERVICE_PROVIDER = providers.map((value) => {
      const match = p.serviceProviders.find(
        (s) => s.id === value.toLowerCase() || s.name.toLowerCase() === value.toLowerCase(),
      );
      if (!match) throw badInput(`Unknown service provider "${value}"`, f('serviceProviders'));
      return match.id;
    });
  }

  const provinces = list(filter.provinces);
  if (provinces.length) {
    const missing: { v: string }[] = await db.query(
      `SELECT v FROM unnest($1::text[]) AS v
        WHERE NOT EXISTS (SELECT 1 FROM organisation o WHERE o.province = v)`,
      [provinces],
    );
    if (missing[0]) throw badInput(`Unknown province "${missing[0].v}"`, f('provinces'));
    out.PROVINCE = provinces;
  }
  return out;
}
