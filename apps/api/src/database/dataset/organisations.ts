import type { Faker } from '@faker-js/faker';
import type { SizeClassKey } from '../../modules/organisation/organisation.entity.js';
import { day, isoDay } from './calendar.js';
import { kboFromFirst8, type Rng, uuidFor } from './random.js';
import {
  BUSINESS_PARKS,
  LEGAL_FORMS,
  MUNICIPALITIES,
  type Municipality,
  municipality,
  NACE_CODES,
  type NaceCode,
  SERVICE_PROVIDERS,
} from './reference-data.js';
import type { NetworkMembershipRow, OrganisationRow } from './rows.js';

/** Stable ids of the two demo organisations the sign-in flow uses (uuid v5, see random.ts). */
export const DEMO_COMPANY_ID = '3771314f-2808-5b26-bbab-24cfe460303b';
export const DEMO_NETWORK_ID = '816ac036-a95b-567d-9965-03ab650c89a1';
export const DEMO_COMPANY_NAME = 'Bakkerij De Zonnebloem BV';
export const DEMO_NETWORK_NAME = 'Bedrijvenvereniging Kortrijk-Noord';
/** The names the demo ids are derived from; generator.test.ts checks the constants above. */
export const DEMO_COMPANY_ID_NAME = 'organisation:demo:bakkerij-de-zonnebloem';
export const DEMO_NETWORK_ID_NAME = 'organisation:network:kortrijk-noord';

export const ORG = {
  vigez: uuidFor('organisation:vigez'),
  flemishGovernment: uuidFor('organisation:vlaamse-overheid'),
  esf: uuidFor('organisation:esf-vlaanderen'),
  prebes: uuidFor('organisation:prebes'),
  unizo: uuidFor('organisation:unizo'),
  provider: (key: string) => uuidFor(`organisation:provider:${key}`),
} as const;

/** Registry companies, including network members and the demo company. */
export const REGISTRY_COMPANIES = 3000;

// Records were imported into the system before the first edition; a fixed instant keeps runs equal.
export const REGISTRY_IMPORTED_AT = new Date('2012-01-02T08:00:00.000Z');

// Company numbers of the registry: leading 0, then 0400… to 0899… as real ones of the period.
// Synthetic companies at scale use 0200…–0399…, so the two ranges never collide.
const BASE_KBO_MIN = 4_000_000;
const BASE_KBO_MAX = 8_999_999;

export interface Network {
  id: string;
  name: string;
  members: string[];
}

export interface Registry {
  organisations: OrganisationRow[];
  memberships: NetworkMembershipRow[];
  companies: OrganisationRow[];
  byId: Map<string, OrganisationRow>;
  networks: Network[];
}

const SIZE_MIX: readonly (readonly [SizeClassKey, number])[] = [
  ['MICRO', 62],
  ['SMALL', 27],
  ['MEDIUM', 8],
  ['LARGE', 3],
];

/** Headcount inside a size class, skewed to the lower end as real distributions are. */
export function employeesFor(rng: Rng, size: SizeClassKey): number {
  const skew = rng.next() ** 1.8;
  switch (size) {
    case 'MICRO':
      return 1 + Math.floor(skew * 9);
    case 'SMALL':
      return 10 + Math.floor(skew * 40);
    case 'MEDIUM':
      return 50 + Math.floor(skew * 200);
    case 'LARGE':
      return 250 + Math.floor(skew * 1750);
  }
}

export function sizeClassOf(employees: number): SizeClassKey {
  if (employees < 10) return 'MICRO';
  if (employees < 50) return 'SMALL';
  if (employees < 250) return 'MEDIUM';
  return 'LARGE';
}

/** A committee is mandatory from 50 workers; below that only a few firms have one. */
export function committeeFor(rng: Rng, size: SizeClassKey): boolean {
  switch (size) {
    case 'MICRO':
      return false;
    case 'SMALL':
      return rng.chance(0.03);
    case 'MEDIUM':
      return rng.chance(0.85);
    case 'LARGE':
      return true;
  }
}

const MUNICIPALITY_WEIGHTS = MUNICIPALITIES.map((x) => [x, x.weight] as const);
const NACE_WEIGHTS = NACE_CODES.map((x) => [x, x.weight] as const);

/** Where names come from: faker directly, or pools drawn from it once (synthetic scale). */
export interface Names {
  lastName(): string;
  city(): string;
}

export function fakerNames(faker: Faker): Names {
  return { lastName: () => faker.person.lastName(), city: () => faker.location.city() };
}

export function companyName(rng: Rng, names: Names, nace: NaceCode): string {
  const form = rng.weighted(LEGAL_FORMS);
  const last = names.lastName();
  const pattern = rng.int(0, 5);
  const base =
    pattern <= 2
      ? `${nace.trade} ${last}`
      : pattern === 3
        ? `${last} & Zonen`
        : pattern === 4
          ? `${last}-${names.lastName()}`
          : `${nace.trade} ${names.city()}`;
  return form ? `${base} ${form}` : base;
}

export interface CompanySpec {
  id: string;
  kbo: string;
  size?: SizeClassKey;
  place?: Municipality;
  businessPark?: string | null;
  createdAt?: Date;
}

export function makeCompany(rng: Rng, names: Names, spec: CompanySpec): OrganisationRow {
  const size = spec.size ?? rng.weighted(SIZE_MIX);
  const employees = employeesFor(rng, size);
  const nace = rng.weighted(NACE_WEIGHTS);
  const place = spec.place ?? rng.weighted(MUNICIPALITY_WEIGHTS);
  return {
    id: spec.id,
    kind: 'COMPANY',
    kboNumber: spec.kbo,
    name: companyName(rng, names, nace),
    employeeCount: employees,
    sizeClass: size,
    naceCode: nace.code,
    naceSection: nace.section,
    province: place.province,
    municipality: place.name,
    postalCode: place.postalCode,
    businessPark: spec.businessPark ?? null,
    hasPreventionCommittee: committeeFor(rng, size),
    createdAt: spec.createdAt ?? REGISTRY_IMPORTED_AT,
  };
}

function namedOrg(
  id: string,
  kind: OrganisationRow['kind'],
  name: string,
  place: Municipality | null = null,
): OrganisationRow {
  // Real institutions keep kbo and address null: the dataset invents no such facts for them.
  return {
    id,
    kind,
    kboNumber: null,
    name,
    employeeCount: null,
    sizeClass: null,
    naceCode: null,
    naceSection: null,
    province: place?.province ?? null,
    municipality: place?.name ?? null,
    postalCode: place?.postalCode ?? null,
    businessPark: null,
    hasPreventionCommittee: false,
    createdAt: REGISTRY_IMPORTED_AT,
  };
}

/** Operators, funders, intermediaries and the external prevention services (no address kept). */
function institutions(): OrganisationRow[] {
  return [
    namedOrg(
      ORG.vigez,
      'PROGRAMME_OPERATOR',
      'VIGeZ (Vlaams Instituut voor Gezondheidspromotie en Ziektepreventie)',
    ),
    namedOrg(ORG.flemishGovernment, 'FUNDER', 'Vlaamse overheid'),
    namedOrg(ORG.esf, 'FUNDER', 'ESF-Agentschap Vlaanderen (Europees Sociaal Fonds)'),
    namedOrg(
      ORG.prebes,
      'INTERMEDIARY',
      'Prebes (Vlaamse Vereniging voor Preventie en Bescherming)',
    ),
    namedOrg(ORG.unizo, 'INTERMEDIARY', 'UNIZO (Unie van Zelfstandige Ondernemers)'),
    ...SERVICE_PROVIDERS.map((p) =>
      namedOrg(
        ORG.provider(p.key),
        'SERVICE_PROVIDER',
        `${p.name} (externe dienst voor preventie en bescherming)`,
      ),
    ),
  ];
}

/** Draws distinct KBO bodies from the registry range. */
class KboPool {
  private used = new Set<number>();
  constructor(private readonly rng: Rng) {}
  next(): string {
    for (;;) {
      const body = this.rng.int(BASE_KBO_MIN, BASE_KBO_MAX);
      if (!this.used.has(body)) {
        this.used.add(body);
        return kboFromFirst8(body);
      }
    }
  }
}

export function buildRegistry(rng: Rng, faker: Faker): Registry {
  const names = fakerNames(faker);
  const kbo = new KboPool(rng);
  const organisations = institutions();
  const companies: OrganisationRow[] = [];
  const memberships: NetworkMembershipRow[] = [];
  const networks: Network[] = [];
  let seq = 0;
  const nextCompanyId = () => uuidFor(`organisation:company:${seq++}`);

  const demo = makeCompany(rng, names, {
    id: uuidFor(DEMO_COMPANY_ID_NAME),
    kbo: kbo.next(),
    size: 'SMALL',
    place: municipality('Roeselare'),
  });
  Object.assign(demo, {
    name: DEMO_COMPANY_NAME,
    employeeCount: 14,
    hasPreventionCommittee: false,
    naceCode: '10.71',
    naceSection: 'C',
  });
  companies.push(demo);

  // Business parks: their companies, and the business association whose members most are.
  for (const p of BUSINESS_PARKS) {
    const place = municipality(p.municipality);
    const networkId = uuidFor(`organisation:network:${p.key}`);
    organisations.push({
      ...namedOrg(networkId, 'NETWORK', p.network, place),
      kboNumber: kbo.next(),
      naceCode: '94.11',
      naceSection: 'S',
      businessPark: p.name,
    });
    const members: string[] = [];
    for (let i = 0; i < p.companies; i++) {
      const c = makeCompany(rng, names, {
        id: nextCompanyId(),
        kbo: kbo.next(),
        place,
        businessPark: p.name,
      });
      companies.push(c);
      if (rng.chance(0.85)) members.push(c.id);
    }
    networks.push({ id: networkId, name: p.network, members });
  }

  while (companies.length < REGISTRY_COMPANIES) {
    companies.push(makeCompany(rng, names, { id: nextCompanyId(), kbo: kbo.next() }));
  }

  // Regional networks without a park: members spread over one province.
  const regional: readonly [string, string, string][] = [
    ['ondernemersnetwerk-meetjesland', 'Ondernemersnetwerk Meetjesland', 'Eeklo'],
    ['kmo-netwerk-limburg', 'Kmo-netwerk Gezond Ondernemen Limburg', 'Hasselt'],
    ['ondernemersclub-pajottenland', 'Ondernemersclub Pajottenland', 'Dilbeek'],
    ['ondernemersvereniging-kempen', 'Ondernemersvereniging Kempen', 'Turnhout'],
  ];
  for (const [key, name, seat] of regional) {
    const place = municipality(seat);
    const networkId = uuidFor(`organisation:network:${key}`);
    organisations.push({
      ...namedOrg(networkId, 'NETWORK', name, place),
      kboNumber: kbo.next(),
      naceCode: '94.11',
      naceSection: 'S',
    });
    const pool = companies.filter(
      (c) => c.province === place.province && c.businessPark === null && c.id !== demo.id,
    );
    const members = rng
      .shuffle(pool.slice())
      .slice(0, rng.int(30, 45))
      .map((c) => c.id);
    networks.push({ id: networkId, name, members });
  }

  const firstJoin = day('2004-01-01');
  const lastJoin = day('2011-12-31');
  for (const n of networks) {
    for (const memberId of n.members) {
      memberships.push({
        networkId: n.id,
        memberId,
        joinedOn: isoDay(rng.int(firstJoin, lastJoin)),
      });
    }
  }

  organisations.push(...companies);
  return {
    organisations,
    memberships,
    companies,
    byId: new Map(organisations.map((o) => [o.id, o])),
    networks,
  };
}
