import { ORG } from './organisations.js';
import { uuidFor } from './random.js';
import type {
  BudgetAllocationRow,
  CampaignRow,
  EditionRow,
  FundingSourceRow,
  OutreachChannelRow,
  ProgrammeComponentRow,
  ProgrammeRow,
  StageDefinitionRow,
} from './rows.js';

/**
 * The fixed part of the dataset: programmes as the sources describe them, their funnel stages,
 * editions, funders, budgets and outreach channels. Amounts are euro cents.
 */

export const AWARD = 'nv-gezond';
export const COACHING = 'gezondheidscoaches';

export const programmeId = (key: string) => uuidFor(`programme:${key}`);
export const editionId = (programme: string, year: number) =>
  uuidFor(`edition:${programme}:${year}`);
export const channelId = (key: string) => uuidFor(`outreach_channel:${key}`);
export const fundingSourceId = (key: string) => uuidFor(`funding_source:${key}`);

export const AWARD_YEARS = [2012, 2013, 2014, 2015] as const;
export const COACHING_YEARS = [2017, 2018, 2019] as const;
/** The coaching figures run "t.e.m. juli 2019": nothing in the coaching data happens later. */
export const COACHING_DATA_DATE = '2019-07-31';
export const COACHING_LAUNCH = '2017-12-06';
export const AWARD_CEREMONY_2015 = '2015-10-07';

export const programmes: ProgrammeRow[] = [
  {
    id: programmeId(AWARD),
    key: AWARD,
    name: 'NV Gezond',
    description:
      'Methodiek van VIGeZ waarmee kmo’s, alleen of samen met andere bedrijven op een bedrijventerrein, ' +
      'een gezondheidsbeleid opzetten: een onlinetoolbox, de jaarlijkse NV Gezond award en procesbegeleiding ' +
      'door erkende dienstverleners.',
    operatorId: ORG.vigez,
    // Individual companies or networks on their behalf; the sources set no size limit as a rule.
    eligibility: { kinds: ['COMPANY', 'NETWORK'] },
    employerContributionCents: null,
    approvedOn: null,
    // "2012: eerste jaar van de implementatie" gives no day, so the launch date stays unknown.
    launchedOn: null,
  },
  {
    id: programmeId(COACHING),
    key: COACHING,
    name: 'Gezondheidscoaches in bedrijven',
    description:
      'Een gezondheidscoach van een externe dienst voor preventie en bescherming helpt kleine ondernemingen ' +
      'zonder comité voor preventie en bescherming op het werk een gezondheidsbeleid op te zetten. ' +
      'De werkgever betaalt zelf 500 euro.',
    // The sources name no operator beyond the Flemish government and its steering group.
    operatorId: ORG.flemishGovernment,
    eligibility: { kinds: ['COMPANY'], maxEmployees: 49, requiresNoPreventionCommittee: true },
    employerContributionCents: 50_000,
    // "goedgekeurd eind 2016": month precision only, recorded as the first of the month.
    approvedOn: '2016-12-01',
    launchedOn: COACHING_LAUNCH,
  },
];

const component = (
  programme: string,
  key: string,
  kind: ProgrammeComponentRow['kind'],
  name: string,
  description: string,
  position: number,
): ProgrammeComponentRow => ({
  id: uuidFor(`programme_component:${programme}:${key}`),
  programmeId: programmeId(programme),
  key,
  kind,
  name,
  description,
  position,
});

export const TOOLBOX_COMPONENTS = [
  'stappenplan-samenwerking',
  'stappenplan-eigen-beleid',
  'leidraad-leefstijladvies',
] as const;

export const components: ProgrammeComponentRow[] = [
  component(
    AWARD,
    'stappenplan-samenwerking',
    'TOOLBOX',
    'Digitaal stappenplan: samen gezondheidsinitiatieven organiseren',
    'Stappenplan met ondersteunende instrumenten om samen met andere organisaties en bedrijven ' +
      'gezondheidsinitiatieven te organiseren.',
    1,
  ),
  component(
    AWARD,
    'stappenplan-eigen-beleid',
    'TOOLBOX',
    'Digitaal stappenplan: gezondheidsbeleid in de eigen organisatie',
    'Stappenplan met ondersteunende instrumenten voor een kwaliteitsvol gezondheidsbeleid in de eigen organisatie.',
    2,
  ),
  component(
    AWARD,
    'leidraad-leefstijladvies',
    'TOOLBOX',
    'Leidraad leefstijladvies',
    'Leidraad voor dienstverleners om werknemers te motiveren voor een gezonde levensstijl.',
    3,
  ),
  component(
    AWARD,
    'award',
    'AWARD',
    'NV Gezond award',
    'Jaarlijkse wedstrijd voor kmo’s met aandacht voor gezondheid op de werkvloer; individuele of groepsinschrijving.',
    4,
  ),
  component(
    AWARD,
    'procesbegeleiding',
    'PROCESS_GUIDANCE',
    'Procesbegeleiding',
    'Ondersteuning door erkende en opgeleide dienstverleners bij het opzetten van een gezondheidsbeleid.',
    5,
  ),
  component(
    COACHING,
    'coaching',
    'COACHING',
    'Begeleiding door een gezondheidscoach',
    'Traject waarin een gezondheidscoach de werkgever adviseert bij het opzetten van een gezondheidsbeleid.',
    1,
  ),
];

const stage = (
  programme: string,
  key: string,
  label: string,
  kind: StageDefinitionRow['kind'],
  position: number,
  exitRule: { requiresStep?: string; beforeStep?: string } = {},
): StageDefinitionRow => ({
  id: uuidFor(`stage_definition:${programme}:${key}`),
  programmeId: programmeId(programme),
  key,
  label,
  kind,
  position,
  requiresStep: exitRule.requiresStep ?? null,
  beforeStep: exitRule.beforeStep ?? null,
});

export const stages: StageDefinitionRow[] = [
  stage(AWARD, 'REGISTERED', 'Ingeschreven', 'STEP', 1),
  stage(AWARD, 'PARTICIPATED', 'Deelnamedossier ingediend', 'STEP', 2),
  stage(AWARD, 'WITHDRAWN', 'Ingetrokken', 'EXIT', 1),
  stage(COACHING, 'APPLIED', 'Aangevraagd', 'STEP', 1),
  stage(COACHING, 'APPROVED', 'Goedgekeurd', 'STEP', 2),
  stage(COACHING, 'STARTED', 'Traject gestart', 'STEP', 3),
  stage(COACHING, 'COMPLETED', 'Traject afgerond', 'STEP', 4),
  stage(COACHING, 'REJECTED', 'Afgekeurd', 'EXIT', 1, { beforeStep: 'APPROVED' }),
  stage(COACHING, 'WITHDRAWN', 'Ingetrokken', 'EXIT', 2),
  stage(COACHING, 'DROPPED_OUT', 'Afgehaakt', 'EXIT', 3, { requiresStep: 'APPROVED' }),
];

export const editions: EditionRow[] = [
  // Yearly award rounds; only the 2015 ceremony date (7 October) is published.
  ...AWARD_YEARS.map((year) => ({
    id: editionId(AWARD, year),
    programmeId: programmeId(AWARD),
    year,
    name: `NV Gezond award ${year}`,
    opensOn: `${year}-01-01`,
    closesOn: year === 2015 ? AWARD_CEREMONY_2015 : null,
    status: 'CLOSED' as const,
  })),
  // Coaching cohorts are the calendar year of application; 2019 was still open at the data date.
  {
    id: editionId(COACHING, 2017),
    programmeId: programmeId(COACHING),
    year: 2017,
    name: 'Gezondheidscoaches 2017 (vanaf de lancering)',
    opensOn: COACHING_LAUNCH,
    closesOn: '2017-12-31',
    status: 'CLOSED' as const,
  },
  {
    id: editionId(COACHING, 2018),
    programmeId: programmeId(COACHING),
    year: 2018,
    name: 'Gezondheidscoaches 2018',
    opensOn: '2018-01-01',
    closesOn: '2018-12-31',
    status: 'CLOSED' as const,
  },
  {
    id: editionId(COACHING, 2019),
    programmeId: programmeId(COACHING),
    year: 2019,
    name: 'Gezondheidscoaches 2019',
    opensOn: '2019-01-01',
    closesOn: null,
    status: 'CLOSED' as const,
  },
];

export const fundingSources: FundingSourceRow[] = [
  {
    id: fundingSourceId('esf'),
    key: 'esf',
    name: 'Europees Sociaal Fonds',
    organisationId: ORG.esf,
  },
  {
    id: fundingSourceId('vlaamse-overheid'),
    key: 'vlaamse-overheid',
    name: 'Vlaamse overheid (preventief gezondheidsbeleid)',
    organisationId: ORG.flemishGovernment,
  },
];

const allocation = (
  programme: string,
  source: string,
  year: number,
  edition: string | null,
  amountCents: number,
  description: string,
): BudgetAllocationRow => ({
  id: uuidFor(`budget_allocation:${programme}:${source}:${year}`),
  programmeId: programmeId(programme),
  fundingSourceId: fundingSourceId(source),
  year,
  editionId: edition,
  amountCents: String(amountCents),
  description,
});

// ESF paid NV Gezond's development and its 2012 year, but no amount was published, and an
// allocation needs one: that allocation is left out rather than invented.
export const budgetAllocations: BudgetAllocationRow[] = [
  ...(
    [
      [2013, 3_500],
      [2014, 6_500],
      [2015, 6_500],
    ] as const
  ).map(([year, eur]) =>
    allocation(
      AWARD,
      'vlaamse-overheid',
      year,
      editionId(AWARD, year),
      eur * 100,
      `Geraamd budget voor de organisatie van de NV Gezond award ${year} (raming)`,
    ),
  ),
  allocation(
    COACHING,
    'vlaamse-overheid',
    2016,
    null,
    3_000_000 * 100,
    'Begin 2016 vrijgemaakt voor gezondheidscoaches in kleine ondernemingen',
  ),
];

const channel = (
  key: string,
  name: string,
  kind: OutreachChannelRow['kind'],
  organisationId: string | null = null,
): OutreachChannelRow => ({ id: channelId(key), key, name, kind, organisationId });

export const CHANNEL = {
  prebes: 'prebes',
  metro: 'metro-carriere',
  hrMagazines: 'hr-magazines',
  facebook: 'facebook-professionals',
  preventionService: 'externe-dienst',
  unizo: 'unizo',
  website: 'website',
  wordOfMouth: 'mond-aan-mond',
  network: 'bedrijvenvereniging',
} as const;

export const channels: OutreachChannelRow[] = [
  channel(
    CHANNEL.prebes,
    'Prebes – mailing aan de leden',
    'MEMBER_ASSOCIATION_MAILING',
    ORG.prebes,
  ),
  channel(CHANNEL.metro, 'Metro – carrièrerubriek', 'NEWSPAPER'),
  channel(CHANNEL.hrMagazines, 'HR-magazines', 'TRADE_PRESS'),
  channel(CHANNEL.facebook, 'Facebookcampagne voor professionals', 'SOCIAL_MEDIA'),
  channel(
    CHANNEL.preventionService,
    'Externe dienst voor preventie en bescherming',
    'PREVENTION_SERVICE',
  ),
  channel(CHANNEL.unizo, 'UNIZO en werkgeversorganisaties', 'EMPLOYER_ORGANISATION', ORG.unizo),
  channel(CHANNEL.website, 'Website', 'WEBSITE'),
  channel(CHANNEL.wordOfMouth, 'Mond-tot-mondreclame', 'WORD_OF_MOUTH'),
  channel(CHANNEL.network, 'Bedrijvenvereniging of netwerk', 'OTHER'),
];

/**
 * The 2018 Mindshare campaign (via the framework agreement with the Flemish government). Its
 * three channels have campaign activity in 2018 only: the steering group dropped them in 2019.
 */
export const CAMPAIGN_WINDOWS = {
  [CHANNEL.metro]: ['2018-03-05', '2018-04-27'],
  [CHANNEL.hrMagazines]: ['2018-04-09', '2018-06-29'],
  [CHANNEL.facebook]: ['2018-09-03', '2018-10-26'],
} as const;

const campaign = (
  key: keyof typeof CAMPAIGN_WINDOWS,
  name: string,
  costEur: number,
): CampaignRow => ({
  id: uuidFor(`campaign:${key}:2018`),
  channelId: channelId(key),
  programmeId: programmeId(COACHING),
  name,
  agency: 'Mindshare',
  startsOn: CAMPAIGN_WINDOWS[key][0],
  endsOn: CAMPAIGN_WINDOWS[key][1],
  costCents: String(costEur * 100),
});

export const campaigns: CampaignRow[] = [
  campaign(CHANNEL.metro, 'Artikels in de carrièrerubriek van Metro', 18_150),
  campaign(CHANNEL.hrMagazines, 'Artikels in HR-magazines', 12_400),
  campaign(CHANNEL.facebook, 'Facebookcampagne gericht op professionelen', 9_850),
];
