/**
 * Breakdown and filter dimensions of the analytics, as SQL over the application alias `a`, the
 * counted organisation `o` (the applicant, or each represented company when counting
 * companies), the channel `ch` and the coach `co`. One definition serves the live queries and
 * the rollup, so both compute the same values.
 */
import { SIZE_CLASS_LABELS, type SizeClass } from '@werkgezond/domain';
import { TIME_ZONE } from '../../database/sql.js';

export const FUNNEL_DIMENSIONS = [
  'EDITION',
  'CHANNEL',
  'SIZE_CLASS',
  'SECTOR',
  'PROVINCE',
  'REGISTRATION_TYPE',
  'HAS_PREVENTION_COMMITTEE',
  'SERVICE_PROVIDER',
] as const;
export type FunnelDimension = (typeof FUNNEL_DIMENSIONS)[number];

/** The dimensions the rollup has a cuboid for (EDITION is part of every cuboid). */
export const CUBOID_DIMENSIONS = FUNNEL_DIMENSIONS.filter(
  (d): d is Exclude<FunnelDimension, 'EDITION'> => d !== 'EDITION',
);

export const FUNNEL_UNITS = ['APPLICATIONS', 'COMPANIES'] as const;
export type FunnelUnit = (typeof FUNNEL_UNITS)[number];

/** Attributes of the counted company: with unit COMPANIES, each represented company's own. */
export const COMPANY_LEVEL: ReadonlySet<FunnelDimension> = new Set<FunnelDimension>([
  'SIZE_CLASS',
  'SECTOR',
  'PROVINCE',
  'HAS_PREVENTION_COMMITTEE',
]);

/** The value of each dimension as text (null = unknown). */
export const DIMENSION_SQL: Readonly<Record<FunnelDimension, string>> = {
  EDITION: 'a.edition_id::text',
  CHANNEL: 'ch.key::text',
  SIZE_CLASS: 'o.size_class::text',
  SECTOR: 'o.nace_section::text',
  PROVINCE: 'o.province',
  REGISTRATION_TYPE: 'a.registration_type::text',
  HAS_PREVENTION_COMMITTEE: 'o.has_prevention_committee::text',
  SERVICE_PROVIDER: 'co.service_provider_id::text',
};

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

/** Joins a set of dimensions needs beyond the application itself. */
export function joinsFor(dims: Iterable<FunnelDimension>) {
  const set = new Set(dims);
  return {
    org: [...set].some((d) => COMPANY_LEVEL.has(d)),
    channel: set.has('CHANNEL'),
    coach: set.has('SERVICE_PROVIDER'),
  };
}

export interface UnitFromOptions {
  unit: FunnelUnit;
  org: boolean;
  channel: boolean;
  coach: boolean;
}

/**
 * FROM clause and conditions of the counting units. APPLICATIONS: one row per application, with
 * the applicant as `o`. COMPANIES: an individual registration is its company; a group
 * registration counts each company it represents (application_member), and one without members
 * counts none.
 */
export function unitFrom({ unit, org, channel, coach }: UnitFromOptions): {
  from: string;
  where: string[];
} {
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
  if (channel) from += ' LEFT JOIN outreach_channel ch ON ch.id = a.channel_id';
  if (coach) from += ' LEFT JOIN coach co ON co.id = a.coach_id';
  return { from, where };
}

/** SQL condition for a filter on one dimension, with the values bound at `param`. */
export function filterCondition(d: FunnelDimension, param: string): string {
  if (d === 'EDITION') return `a.edition_id = ANY(${param}::uuid[])`;
  return `${DIMENSION_SQL[d]} = ANY(${param}::text[])`;
}

/** The calendar day in Brussels of a timestamptz expression. */
export const localDay = (expr: string) => `(${expr} AT TIME ZONE '${TIME_ZONE}')::date`;

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
