import type { ScanSuggestionJson } from '../../modules/scan/scan.entity.js';
import { uuidFor } from './random.js';
import type { ScanDomainRow, ScanInstrumentRow, ScanItemRow } from './rows.js';

export const SCAN_INSTRUMENT_KEY = 'gezondheidsbeleid-scan';
export const SCAN_INSTRUMENT_ID = uuidFor(`scan_instrument:${SCAN_INSTRUMENT_KEY}:1`);

/**
 * Version 1 of the gezondheidsbeleid-scan. The published indicator instrument is not available,
 * so these items are written from the domains the sources describe: a policy that is planned
 * and evaluated, built with the employees, covering the environment and the lifestyle themes
 * (voeding, beweging, sedentair gedrag, mentaal welbevinden). 25 items of 0–4 points: the
 * overall score is the points total out of 100.
 */
const LEVELS = [
  { points: 0, label: 'Niet', labelEn: 'Not at all' },
  { points: 1, label: 'In beperkte mate', labelEn: 'To a limited extent' },
  { points: 2, label: 'Gedeeltelijk', labelEn: 'Partly' },
  { points: 3, label: 'Grotendeels', labelEn: 'Largely' },
  { points: 4, label: 'Volledig', labelEn: 'Fully' },
];

const tip = (
  componentKey: string,
  text: string,
  textEn: string,
  programmeKey = 'nv-gezond',
): ScanSuggestionJson => ({ text, textEn, programmeKey, componentKey });

interface DomainSpec {
  key: string;
  label: string;
  labelEn: string;
  suggestions: ScanSuggestionJson[];
  items: [key: string, text: string, textEn: string][];
}

const DOMAINS: DomainSpec[] = [
  {
    key: 'beleid',
    label: 'Beleid en planning',
    labelEn: 'Policy and planning',
    suggestions: [
      tip(
        'stappenplan-eigen-beleid',
        'Leg met het digitale stappenplan een gezondheidsbeleid vast met doelen, budget en een trekker.',
        'Use the digital step-by-step plan to set down a health policy with goals, a budget and a lead.',
      ),
      tip(
        'coaching',
        'Vraag een gezondheidscoach om samen een eerste jaarplan op te stellen.',
        'Ask a health coach to draw up a first annual plan together.',
        'gezondheidscoaches',
      ),
    ],
    items: [
      [
        'beleid-visie',
        'Gezondheid op het werk staat als doel in een schriftelijke visie of beleidsplan van de onderneming.',
        'Health at work is a goal in a written vision or policy plan of the company.',
      ],
      [
        'beleid-jaarplan',
        'Er is een jaarplan met concrete gezondheidsacties, een timing en een budget.',
        'There is an annual plan with concrete health actions, a timeline and a budget.',
      ],
      [
        'beleid-trekker',
        'Een medewerker of werkgroep is aangeduid om het gezondheidsbeleid te trekken en krijgt er tijd voor.',
        'An employee or working group is appointed to lead the health policy and is given time for it.',
      ],
      [
        'beleid-leiding',
        'De bedrijfsleiding steunt het gezondheidsbeleid zichtbaar (communicatie, voorbeeldgedrag).',
        'Management visibly supports the health policy (communication, leading by example).',
      ],
    ],
  },
  {
    key: 'participatie',
    label: 'Participatie en draagvlak',
    labelEn: 'Participation and support',
    suggestions: [
      tip(
        'stappenplan-eigen-beleid',
        'Bevraag uw medewerkers over hun noden met de bevragingsinstrumenten van het stappenplan.',
        'Survey your employees about their needs with the step-by-step plan’s survey tools.',
      ),
      tip(
        'stappenplan-samenwerking',
        'Zet samen met andere bedrijven uit uw netwerk een gezondheidsinitiatief op om draagvlak te bouwen.',
        'Set up a health initiative with other companies in your network to build support.',
      ),
    ],
    items: [
      [
        'participatie-bevraging',
        'Medewerkers worden bevraagd over hun gezondheid en wensen voordat acties worden gekozen.',
        'Employees are asked about their health and wishes before actions are chosen.',
      ],
      [
        'participatie-inspraak',
        'Medewerkers beslissen mee over de gezondheidsacties (werkgroep, overleg, ideeënbus).',
        'Employees have a say in the health actions (working group, consultation, suggestion box).',
      ],
      [
        'participatie-communicatie',
        'Gezondheidsacties worden regelmatig en via meerdere kanalen aan alle medewerkers gecommuniceerd.',
        'Health actions are communicated to all employees regularly and through several channels.',
      ],
    ],
  },
  {
    key: 'omgeving',
    label: 'Gezonde werkomgeving',
    labelEn: 'Healthy work environment',
    suggestions: [
      tip(
        'procesbegeleiding',
        'Laat een dienstverlener met procesbegeleiding de werkplek doorlichten op gezondheidskansen.',
        'Have a process-guidance provider review the workplace for health opportunities.',
      ),
    ],
    items: [
      [
        'omgeving-rookvrij',
        'De werkplek is volledig rookvrij en medewerkers die willen stoppen met roken krijgen hulp.',
        'The workplace is entirely smoke-free and employees who want to quit smoking get help.',
      ],
      [
        'omgeving-infrastructuur',
        'De infrastructuur nodigt uit tot gezond gedrag (fietsenstalling, douches, trappen, rustruimte).',
        'The facilities invite healthy behaviour (bicycle parking, showers, stairs, a rest room).',
      ],
      [
        'omgeving-arbeidsorganisatie',
        'Werkdruk, werktijden en pauzes worden zo georganiseerd dat ze gezondheid niet schaden.',
        'Workload, working hours and breaks are organised so that they do not harm health.',
      ],
    ],
  },
  {
    key: 'voeding',
    label: 'Voeding',
    labelEn: 'Nutrition',
    suggestions: [
      tip(
        'leidraad-leefstijladvies',
        'Werk met de leidraad leefstijladvies een actie rond gezonde voeding uit (fruit, water, gezonde tussendoortjes).',
        'Work out a healthy-eating action with the lifestyle-advice guide (fruit, water, healthy snacks).',
      ),
    ],
    items: [
      [
        'voeding-aanbod',
        'Op het werk is er een gezond aanbod van eten en drinken (fruit, water, gezonde maaltijden).',
        'At work healthy food and drink is on offer (fruit, water, healthy meals).',
      ],
      [
        'voeding-ongezond',
        'Het aanbod van ongezonde snacks en suikerhoudende dranken wordt beperkt.',
        'The offer of unhealthy snacks and sugary drinks is limited.',
      ],
      [
        'voeding-sensibilisering',
        'Medewerkers krijgen informatie of activiteiten over gezonde voeding.',
        'Employees get information or activities on healthy eating.',
      ],
    ],
  },
  {
    key: 'beweging',
    label: 'Beweging',
    labelEn: 'Physical activity',
    suggestions: [
      tip(
        'leidraad-leefstijladvies',
        'Motiveer medewerkers met de leidraad leefstijladvies om meer te bewegen, bijvoorbeeld met een fietsactie.',
        'Use the lifestyle-advice guide to motivate employees to move more, for instance with a cycling campaign.',
      ),
      tip(
        'stappenplan-samenwerking',
        'Organiseer samen met buurbedrijven een sport- of wandelaanbod.',
        'Organise sports or walking activities together with neighbouring companies.',
      ),
    ],
    items: [
      [
        'beweging-woonwerk',
        'Actief woon-werkverkeer (fietsen, wandelen) wordt aangemoedigd, bijvoorbeeld met een fietsvergoeding.',
        'Active commuting (cycling, walking) is encouraged, for instance with a cycling allowance.',
      ],
      [
        'beweging-aanbod',
        'De onderneming organiseert of ondersteunt sport- en beweegactiviteiten.',
        'The company organises or supports sports and exercise activities.',
      ],
      [
        'beweging-werk',
        'Bewegen tijdens het werk wordt gestimuleerd (wandeloverleg, trappen nemen, beweegpauzes).',
        'Moving during work is encouraged (walking meetings, taking the stairs, movement breaks).',
      ],
    ],
  },
  {
    key: 'sedentair',
    label: 'Sedentair gedrag',
    labelEn: 'Sedentary behaviour',
    suggestions: [
      tip(
        'leidraad-leefstijladvies',
        'Maak met de leidraad leefstijladvies afspraken om lang stilzitten te onderbreken.',
        'Use the lifestyle-advice guide to agree on ways to break up prolonged sitting.',
      ),
    ],
    items: [
      [
        'sedentair-onderbreken',
        'Medewerkers met zittend werk worden aangemoedigd om lang stilzitten elk half uur te onderbreken.',
        'Employees with desk work are encouraged to interrupt prolonged sitting every half hour.',
      ],
      [
        'sedentair-meubilair',
        'Er is meubilair om afwisselend zittend en staand te werken (zit-sta-bureaus, sta-tafels).',
        'There is furniture to alternate between sitting and standing (sit-stand desks, standing tables).',
      ],
      [
        'sedentair-vergaderen',
        'Vergaderingen en opleidingen bevatten beweeg- of staonderbrekingen.',
        'Meetings and trainings include breaks to move or stand.',
      ],
    ],
  },
  {
    key: 'mentaal',
    label: 'Mentaal welbevinden',
    labelEn: 'Mental wellbeing',
    suggestions: [
      tip(
        'coaching',
        'Bespreek met een gezondheidscoach hoe u stress en werkdruk kunt voorkomen.',
        'Discuss with a health coach how to prevent stress and work pressure.',
        'gezondheidscoaches',
      ),
      tip(
        'procesbegeleiding',
        'Laat u begeleiden bij een actie rond mentaal welbevinden en veerkracht.',
        'Get guidance for an action on mental wellbeing and resilience.',
      ),
    ],
    items: [
      [
        'mentaal-stress',
        'Signalen van stress en overbelasting worden opgevolgd en besproken.',
        'Signs of stress and overload are followed up and discussed.',
      ],
      [
        'mentaal-aanspreekpunt',
        'Medewerkers weten bij wie ze terechtkunnen met psychosociale problemen.',
        'Employees know whom to turn to with psychosocial problems.',
      ],
      [
        'mentaal-sfeer',
        'Er is aandacht voor een goede werksfeer, waardering en sociale contacten.',
        'Attention is paid to a good atmosphere at work, appreciation and social contact.',
      ],
    ],
  },
  {
    key: 'evaluatie',
    label: 'Evaluatie en bijsturing',
    labelEn: 'Evaluation',
    suggestions: [
      tip(
        'stappenplan-eigen-beleid',
        'Plan met het stappenplan een jaarlijkse evaluatie van uw acties en stuur bij waar nodig.',
        'Use the step-by-step plan to schedule a yearly evaluation of your actions and adjust them.',
      ),
    ],
    items: [
      [
        'evaluatie-bereik',
        'De onderneming houdt bij hoeveel medewerkers de gezondheidsacties bereiken.',
        'The company records how many employees its health actions reach.',
      ],
      [
        'evaluatie-effect',
        'Het effect van de acties wordt geëvalueerd, bijvoorbeeld met een herhaalde scan of bevraging.',
        'The effect of the actions is evaluated, for instance with a repeated scan or survey.',
      ],
      [
        'evaluatie-bijsturing',
        'Het beleid wordt op basis van de evaluatie bijgestuurd en opnieuw gepland.',
        'The policy is adjusted and planned again on the basis of the evaluation.',
      ],
    ],
  },
];

export const scanInstrument: ScanInstrumentRow = {
  id: SCAN_INSTRUMENT_ID,
  key: SCAN_INSTRUMENT_KEY,
  version: 1,
  title: 'Gezondheidsbeleid-scan',
  titleEn: 'Health-policy scan',
  levels: LEVELS,
  publishedOn: '2012-01-01',
};

export const scanDomains: ScanDomainRow[] = DOMAINS.map((d, i) => ({
  id: uuidFor(`scan_domain:${SCAN_INSTRUMENT_KEY}:1:${d.key}`),
  instrumentId: SCAN_INSTRUMENT_ID,
  key: d.key,
  label: d.label,
  labelEn: d.labelEn,
  suggestions: d.suggestions,
  position: i + 1,
}));

export const scanItems: ScanItemRow[] = DOMAINS.flatMap((d) => d.items).map(
  ([key, text, textEn], i) => ({
    id: uuidFor(`scan_item:${SCAN_INSTRUMENT_KEY}:1:${key}`),
    instrumentId: SCAN_INSTRUMENT_ID,
    domainKey: key.split('-')[0] as string,
    key,
    text,
    textEn,
    maxPoints: 4,
    required: true,
    position: i + 1,
  }),
);
