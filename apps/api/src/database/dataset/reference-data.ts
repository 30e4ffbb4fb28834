/**
 * Real Flemish places and sector codes the synthetic registry draws from. Weights are rough
 * shares of enterprises, so Antwerpen and Oost-Vlaanderen dominate as they do in the KBO.
 */

export const PROVINCES = [
  'Antwerpen',
  'Limburg',
  'Oost-Vlaanderen',
  'Vlaams-Brabant',
  'West-Vlaanderen',
] as const;
export type Province = (typeof PROVINCES)[number];

export interface Municipality {
  name: string;
  postalCode: string;
  province: Province;
  weight: number;
}

const m = (name: string, postalCode: string, province: Province, weight: number): Municipality => ({
  name,
  postalCode,
  province,
  weight,
});

export const MUNICIPALITIES: readonly Municipality[] = [
  m('Antwerpen', '2000', 'Antwerpen', 40),
  m('Mechelen', '2800', 'Antwerpen', 12),
  m('Turnhout', '2300', 'Antwerpen', 7),
  m('Geel', '2440', 'Antwerpen', 6),
  m('Mol', '2400', 'Antwerpen', 5),
  m('Herentals', '2200', 'Antwerpen', 5),
  m('Lier', '2500', 'Antwerpen', 5),
  m('Boom', '2850', 'Antwerpen', 3),
  m('Kontich', '2550', 'Antwerpen', 4),
  m('Schoten', '2900', 'Antwerpen', 4),
  m('Brasschaat', '2930', 'Antwerpen', 5),
  m('Heist-op-den-Berg', '2220', 'Antwerpen', 5),
  m('Willebroek', '2830', 'Antwerpen', 3),
  m('Hasselt', '3500', 'Limburg', 12),
  m('Genk', '3600', 'Limburg', 9),
  m('Sint-Truiden', '3800', 'Limburg', 6),
  m('Tongeren', '3700', 'Limburg', 4),
  m('Beringen', '3580', 'Limburg', 5),
  m('Lommel', '3920', 'Limburg', 4),
  m('Maasmechelen', '3630', 'Limburg', 4),
  m('Bilzen', '3740', 'Limburg', 3),
  m('Houthalen-Helchteren', '3530', 'Limburg', 3),
  m('Lanaken', '3620', 'Limburg', 3),
  m('Gent', '9000', 'Oost-Vlaanderen', 35),
  m('Aalst', '9300', 'Oost-Vlaanderen', 10),
  m('Sint-Niklaas', '9100', 'Oost-Vlaanderen', 9),
  m('Dendermonde', '9200', 'Oost-Vlaanderen', 5),
  m('Lokeren', '9160', 'Oost-Vlaanderen', 5),
  m('Oudenaarde', '9700', 'Oost-Vlaanderen', 4),
  m('Ninove', '9400', 'Oost-Vlaanderen', 4),
  m('Eeklo', '9900', 'Oost-Vlaanderen', 3),
  m('Wetteren', '9230', 'Oost-Vlaanderen', 3),
  m('Deinze', '9800', 'Oost-Vlaanderen', 4),
  m('Ronse', '9600', 'Oost-Vlaanderen', 3),
  m('Beveren', '9120', 'Oost-Vlaanderen', 5),
  m('Leuven', '3000', 'Vlaams-Brabant', 14),
  m('Vilvoorde', '1800', 'Vlaams-Brabant', 6),
  m('Zaventem', '1930', 'Vlaams-Brabant', 7),
  m('Halle', '1500', 'Vlaams-Brabant', 5),
  m('Tienen', '3300', 'Vlaams-Brabant', 4),
  m('Aarschot', '3200', 'Vlaams-Brabant', 4),
  m('Diest', '3290', 'Vlaams-Brabant', 3),
  m('Dilbeek', '1700', 'Vlaams-Brabant', 5),
  m('Grimbergen', '1850', 'Vlaams-Brabant', 4),
  m('Asse', '1730', 'Vlaams-Brabant', 4),
  m('Machelen', '1830', 'Vlaams-Brabant', 3),
  m('Brugge', '8000', 'West-Vlaanderen', 14),
  m('Kortrijk', '8500', 'West-Vlaanderen', 11),
  m('Roeselare', '8800', 'West-Vlaanderen', 8),
  m('Oostende', '8400', 'West-Vlaanderen', 8),
  m('Ieper', '8900', 'West-Vlaanderen', 5),
  m('Waregem', '8790', 'West-Vlaanderen', 5),
  m('Izegem', '8870', 'West-Vlaanderen', 4),
  m('Menen', '8930', 'West-Vlaanderen', 4),
  m('Harelbeke', '8530', 'West-Vlaanderen', 4),
  m('Tielt', '8700', 'West-Vlaanderen', 3),
  m('Wevelgem', '8560', 'West-Vlaanderen', 4),
  m('Torhout', '8820', 'West-Vlaanderen', 3),
];

export function municipality(name: string): Municipality {
  const found = MUNICIPALITIES.find((x) => x.name === name);
  if (!found) throw new Error(`Unknown municipality ${name}`);
  return found;
}

/** Business parks (bedrijventerreinen); each has a business association in the registry. */
export interface BusinessPark {
  key: string;
  name: string;
  municipality: string;
  /** Companies on the park in the registry. */
  companies: number;
  network: string;
}

const park = (key: string, name: string, muni: string, companies: number, network: string) => ({
  key,
  name,
  municipality: muni,
  companies,
  network,
});

export const BUSINESS_PARKS: readonly BusinessPark[] = [
  park('kortrijk-noord', 'Kortrijk-Noord', 'Kortrijk', 44, 'Bedrijvenvereniging Kortrijk-Noord'),
  park(
    'researchpark-haasrode',
    'Researchpark Haasrode',
    'Leuven',
    40,
    'Bedrijvenvereniging Haasrode',
  ),
  park('genk-zuid', 'Genk-Zuid', 'Genk', 48, 'Bedrijvenvereniging Genk-Zuid'),
  park('ravenshout', 'Ravenshout', 'Beringen', 36, 'Ondernemersvereniging Ravenshout'),
  park('blauwe-toren', 'Blauwe Toren', 'Brugge', 34, 'Bedrijvenvereniging Blauwe Toren'),
  park('erembodegem', 'Industriepark Erembodegem', 'Aalst', 42, 'Bedrijvenvereniging Erembodegem'),
  park('ter-bede', 'Ter Bede', 'Kortrijk', 28, 'Ondernemersvereniging Ter Bede'),
  park('plassendale', 'Plassendale', 'Oostende', 30, 'Bedrijvenvereniging Plassendale'),
  park(
    'noord-sint-niklaas',
    'Industriepark-Noord',
    'Sint-Niklaas',
    38,
    'Bedrijvenvereniging Industriepark-Noord',
  ),
  park('kluizendok', 'Kluizendok', 'Gent', 26, 'Bedrijvenvereniging Kluizendok'),
  park('zuid-gent', 'Bedrijvenzone Gent-Zuid', 'Gent', 32, 'Ondernemersnetwerk Gent-Zuid'),
  park('hoogveld', 'Hoogveld', 'Dendermonde', 27, 'Bedrijvenvereniging Hoogveld'),
  park('kontich-kazerne', 'Kontich-Kazerne', 'Kontich', 33, 'Bedrijvenvereniging Kontich'),
  park('geel-punt', 'Geel-Punt', 'Geel', 37, 'Bedrijvenvereniging Geel-Punt'),
  park('mechelen-noord', 'Mechelen-Noord', 'Mechelen', 35, 'Bedrijvenvereniging Mechelen-Noord'),
  park(
    'kanaalzone-vilvoorde',
    'Kanaalzone Vilvoorde',
    'Vilvoorde',
    29,
    'Ondernemersvereniging Vilvoorde',
  ),
  park('ikaros', 'Ikaros Business Park', 'Zaventem', 31, 'Bedrijvenvereniging Zaventem'),
  park(
    'roeselare-beveren',
    'Beverenbedrijvenpark',
    'Roeselare',
    36,
    'Bedrijvenvereniging Roeselare',
  ),
  park('waregem-zuid', 'Waregem-Zuid', 'Waregem', 30, 'Bedrijvenvereniging Waregem'),
  park('lommel-kristalpark', 'Kristalpark', 'Lommel', 25, 'Bedrijvenvereniging Lommel'),
  park('hasselt-zuid', 'Hasselt-Zuid', 'Hasselt', 34, 'Ondernemersvereniging Hasselt-Zuid'),
  park('tienen-grijpen', 'Grijpenveld', 'Tienen', 24, 'Bedrijvenvereniging Tienen'),
];

export interface NaceCode {
  code: string;
  section: string;
  label: string;
  /** Word used in synthetic trade names: "Bakkerij Peeters". */
  trade: string;
  weight: number;
}

const n = (
  code: string,
  section: string,
  label: string,
  trade: string,
  weight: number,
): NaceCode => ({
  code,
  section,
  label,
  trade,
  weight,
});

export const NACE_CODES: readonly NaceCode[] = [
  n('01.13', 'A', 'Teelt van groenten', 'Tuinbouwbedrijf', 3),
  n('10.71', 'C', 'Vervaardiging van brood en banketbakkerswerk', 'Bakkerij', 5),
  n('10.13', 'C', 'Vervaardiging van vleesproducten', 'Slagerij', 2),
  n('25.62', 'C', 'Mechanische bewerking van metalen', 'Metaalbewerking', 4),
  n('28.29', 'C', 'Vervaardiging van machines', 'Machinebouw', 2),
  n('31.01', 'C', 'Vervaardiging van kantoor- en winkelmeubelen', 'Meubelmakerij', 2),
  n('41.20', 'F', 'Bouw van residentiële en niet-residentiële gebouwen', 'Bouwbedrijf', 7),
  n('43.22', 'F', 'Installatie van sanitair en verwarming', 'Installatiebedrijf', 5),
  n('43.91', 'F', 'Dakwerkzaamheden', 'Dakwerken', 3),
  n('45.20', 'G', 'Onderhoud en reparatie van motorvoertuigen', 'Garage', 5),
  n('46.69', 'G', 'Groothandel in machines en werktuigen', 'Groothandel', 5),
  n('47.11', 'G', 'Detailhandel in niet-gespecialiseerde winkels', 'Buurtwinkel', 4),
  n('47.73', 'G', 'Apotheken', 'Apotheek', 2),
  n('49.41', 'H', 'Goederenvervoer over de weg', 'Transport', 5),
  n('52.10', 'H', 'Opslag in warehouses', 'Logistiek', 2),
  n('56.10', 'I', 'Restaurants', 'Restaurant', 5),
  n('62.01', 'J', 'Ontwerpen en programmeren van computerprogramma’s', 'Softwarebureau', 5),
  n('64.19', 'K', 'Overige geldintermediatie', 'Kredietkantoor', 1),
  n('68.20', 'L', 'Verhuur en exploitatie van onroerend goed', 'Vastgoed', 2),
  n('69.20', 'M', 'Accountants en boekhouders', 'Boekhoudkantoor', 4),
  n('70.22', 'M', 'Advies op het gebied van bedrijfsvoering', 'Adviesbureau', 4),
  n('71.12', 'M', 'Ingenieurs en technisch advies', 'Studiebureau', 3),
  n('81.21', 'N', 'Algemene reiniging van gebouwen', 'Schoonmaakbedrijf', 3),
  n('78.20', 'N', 'Uitzendbureaus', 'Uitzendkantoor', 1),
  n('85.59', 'P', 'Overig onderwijs', 'Opleidingscentrum', 2),
  n('86.21', 'Q', 'Huisartsenpraktijken', 'Huisartsenpraktijk', 2),
  n('88.10', 'Q', 'Maatschappelijke dienstverlening zonder huisvesting', 'Thuiszorg', 3),
  n('96.02', 'S', 'Haarverzorging', 'Kapsalon', 3),
];

/** External services for prevention and protection at work: they employ the health coaches. */
export const SERVICE_PROVIDERS: readonly { key: string; name: string; coaches: number }[] = [
  { key: 'idewe', name: 'Idewe', coaches: 9 },
  { key: 'mensura', name: 'Mensura', coaches: 8 },
  { key: 'securex', name: 'Securex', coaches: 6 },
  { key: 'attentia', name: 'Attentia', coaches: 5 },
  { key: 'liantis', name: 'Liantis', coaches: 5 },
  { key: 'cohezio', name: 'Cohezio', coaches: 5 },
  { key: 'provikmo', name: 'Provikmo', coaches: 4 },
];

/** Legal forms of the period (BVBA until the 2019 company code). */
export const LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ['BVBA', 50],
  ['NV', 20],
  ['BV', 8],
  ['CVBA', 6],
  ['VOF', 4],
  ['', 12],
];
