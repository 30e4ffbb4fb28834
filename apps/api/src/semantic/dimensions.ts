/**
 * The semantic layer's dimensions: every breakdown and filter dimension of the analytics and of
 * the research API, defined once as SQL over the unit aliases of units.ts: the application `a`,
 * the counted organisation `o` (the applicant, or each represented company when counting
 * companies), the channel `ch`, the coach `co`, the programme `p`, the edition `e` and the
 * current step `sd`. The live queries, the rollup and the research API all read these, so a
 * value means the same everywhere and a new dimension is added here, once.
 */
import { SIZE_CLASS_LABELS, type SizeClass } from '@werkgezond/domain';

/** What a dimension needs joined beyond the application row. */
export type UnitJoin = 'company' | 'channel' | 'coach' | 'programme' | 'edition' | 'stage';

interface DimensionDef {
  /** The value as text (null = unknown). */
  sql: string;
  join?: UnitJoin;
}

export const DIMENSIONS = {
  PROGRAMME: { sql: 'p.key', join: 'programme' },
  EDITION: { sql: 'a.edition_id::text' },
  EDITION_YEAR: { sql: 'e.year::text', join: 'edition' },
  /** The current stage: the exit left by, else the furthest step reached. */
  STAGE: { sql: 'COALESCE(a.exit_stage, sd.key)', join: 'stage' },
  CHANNEL: { sql: 'ch.key::text', join: 'channel' },
  SIZE_CLASS: { sql: 'o.size_class::text', join: 'company' },
  SECTOR: { sql: 'o.nace_section::text', join: 'company' },
  PROVINCE: { sql: 'o.province', join: 'company' },
  REGISTRATION_TYPE: { sql: 'a.registration_type::text' },
  HAS_PREVENTION_COMMITTEE: { sql: 'o.has_prevention_committee::text', join: 'company' },
  SERVICE_PROVIDER: { sql: 'co.service_provider_id::text', join: 'coach' },
} as const satisfies Record<string, DimensionDef>;
export type Dimension = keyof typeof DIMENSIONS;

/** The dimensions the analytics API breaks funnels down by (its public enum). */
export const FUNNEL_DIMENSIONS = [
  'EDITION',
  'CHANNEL',
  'SIZE_CLASS',
  'SECTOR',
  'PROVINCE',
  'REGISTRATION_TYPE',
  'HAS_PREVENTION_COMMITTEE',
  'SERVICE_PROVIDER',
] as const satisfies readonly Dimension[];
export type FunnelDimension = (typeof FUNNEL_DIMENSIONS)[number];

/** The dimensions the rollup has a cuboid for (EDITION is part of every cuboid). */
export const CUBOID_DIMENSIONS = FUNNEL_DIMENSIONS.filter(
  (d): d is Exclude<FunnelDimension, 'EDITION'> => d !== 'EDITION',
);

export const FUNNEL_UNITS = ['APPLICATIONS', 'COMPANIES'] as const;
export type FunnelUnit = (typeof FUNNEL_UNITS)[number];

const joinOf = (d: Dimension): UnitJoin | undefined => (DIMENSIONS[d] as DimensionDef).join;

/** Attributes of the counted company: with unit COMPANIES, each represented company's own. */
export const COMPANY_LEVEL: ReadonlySet<Dimension> = new Set(
  (Object.keys(DIMENSIONS) as Dimension[]).filter((d) => joinOf(d) === 'company'),
);

/** The value of each dimension as text (null = unknown). */
export const DIMENSION_SQL = Object.fromEntries(
  (Object.keys(DIMENSIONS) as Dimension[]).map((d) => [d, DIMENSIONS[d].sql]),
) as Readonly<Record<Dimension, string>>;

/** Column name of a dimension's value in the rollup's source rows. */
export const dimensionColumn = (d: FunnelDimension) => `v_${d.toLowerCase()}`;

/** Filter lists as the API takes them (empty or missing list = no restriction). */
export interface DimensionFilter {
  editions?: readonly number[] | null;
  channels?: readonly string[] | null;
  sizeClasses?: readonly string[] | null;
  sectors?: readonly string[] | null;
  provinces?: readonly string[] | null;
  registrationTypes?: readonly string[] | null;
  hasPreventionCommittee?: readonly boolean[] | null;
  serviceProviders?: readonly string[] | null;
}

export const FILTER_FIELDS: Readonly<Record<FunnelDimension, keyof DimensionFilter>> = {
  EDITION: 'editions',
  CHANNEL: 'channels',
  SIZE_CLASS: 'sizeClasses',
  SECTOR: 'sectors',
  PROVINCE: 'provinces',
  REGISTRATION_TYPE: 'registrationTypes',
  HAS_PREVENTION_COMMITTEE: 'hasPreventionCommittee',
  SERVICE_PROVIDER: 'serviceProviders',
};

/** Validated filter: per dimension the allowed values in DIMENSION_SQL's text form. */
export type ResolvedFilter = Partial<Record<FunnelDimension, string[]>>;

/** NACE-BEL 2008 sections (the sector dimension), in Dutch. */
export const NACE_SECTIONS: Readonly<Record<string, string>> = {
  A: 'Landbouw, bosbouw en visserij',
  B: 'Winning van delfstoffen',
  C: 'Industrie',
  D: 'Productie en distributie van elektriciteit, gas, stoom en gekoelde lucht',
  E: 'Distributie van water; afval- en afvalwaterbeheer en sanering',
  F: 'Bouwnijverheid',
  G: "Groot- en detailhandel; reparatie van auto's en motorfietsen",
  H: 'Vervoer en opslag',
  I: 'Verschaffen van accommodatie en maaltijden',
  J: 'Informatie en communicatie',
  K: 'Financiële activiteiten en verzekeringen',
  L: 'Exploitatie van en handel in onroerend goed',
  M: 'Vrije beroepen en wetenschappelijke en technische activiteiten',
  N: 'Administratieve en ondersteunende diensten',
  O: 'Openbaar bestuur en defensie; verplichte sociale verzekeringen',
  P: 'Onderwijs',
  Q: 'Menselijke gezondheidszorg en maatschappelijke dienstverlening',
  R: 'Kunst, amusement en recreatie',
  S: 'Overige diensten',
  T: 'Huishoudens als werkgever',
  U: 'Extraterritoriale organisaties en lichamen',
};

const REGISTRATION_LABELS: Readonly<Record<string, string>> = {
  INDIVIDUAL: 'Individuele inschrijving',
  GROUP: 'Groepsinschrijving',
};
const COMMITTEE_LABELS: Readonly<Record<string, string>> = {
  true: 'Met comité voor preventie en bescherming',
  false: 'Zonder comité voor preventie en bescherming',
};
export const UNKNOWN_LABEL = 'Onbekend';

/** Names the database holds (edition years, channel and service-provider names). */
export interface LabelSources {
  editions: ReadonlyMap<string, { year: number; name: string }>;
  channels: ReadonlyMap<string, string>;
  serviceProviders: ReadonlyMap<string, string>;
}

export interface GroupKeyValue {
  dimension: FunnelDimension;
  /** Stable key: edition year, channel key, size class, NACE letter, province, … null = unknown. */
  key: string | null;
  label: string;
}

/** Turns a SQL dimension value into the key and label clients see. */
export function describeValue(
  dimension: FunnelDimension,
  value: string | null,
  sources: LabelSources,
): GroupKeyValue {
  if (value === null) return { dimension, key: null, label: UNKNOWN_LABEL };
  switch (dimension) {
    case 'EDITION': {
      const edition = sources.editions.get(value);
      return {
        dimension,
        key: edition ? String(edition.year) : value,
        label: edition?.name ?? value,
      };
    }
    case 'CHANNEL':
      return { dimension, key: value, label: sources.channels.get(value) ?? value };
    case 'SIZE_CLASS':
      return { dimension, key: value, label: SIZE_CLASS_LABELS[value as SizeClass] ?? value };
    case 'SECTOR':
      return { dimension, key: value, label: NACE_SECTIONS[value] ?? value };
    case 'REGISTRATION_TYPE':
      return { dimension, key: value, label: REGISTRATION_LABELS[value] ?? value };
    case 'HAS_PREVENTION_COMMITTEE':
      return { dimension, key: value, label: COMMITTEE_LABELS[value] ?? value };
    case 'SERVICE_PROVIDER':
      return { dimension, key: value, label: sources.serviceProviders.get(value) ?? value };
    default:
      return { dimension, key: value, label: value };
  }
}

const SIZE_ORDER = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'];
const FIXED_ORDER: Partial<Record<FunnelDimension, readonly string[]>> = {
  SIZE_CLASS: SIZE_ORDER,
  REGISTRATION_TYPE: ['INDIVIDUAL', 'GROUP'],
  HAS_PREVENTION_COMMITTEE: ['false', 'true'],
};

/** Orders group values: editions by year, fixed orders where natural, else by label; unknown last. */
export function compareValues(a: GroupKeyValue, b: GroupKeyValue): number {
  if (a.key === b.key) return 0;
  if (a.key === null) return 1;
  if (b.key === null) return -1;
  if (a.dimension === 'EDITION') return Number(a.key) - Number(b.key);
  const fixed = FIXED_ORDER[a.dimension];
  if (fixed) return fixed.indexOf(a.key) - fixed.indexOf(b.key);
  return a.label.localeCompare(b.label, 'nl') || a.key.localeCompare(b.key);
}
