import { brussels, day, isoDay, weekdayBetween } from './calendar.js';
import {
  AWARD,
  AWARD_YEARS,
  CHANNEL,
  channelId,
  editionId,
  programmeId,
  TOOLBOX_COMPONENTS,
} from './catalogue.js';
import { DEMO_COMPANY_ID, DEMO_NETWORK_ID, type Network, type Registry } from './organisations.js';
import { figureNumber, type PublishedFigure } from './published-figures.js';
import { type Rng, uuidFor } from './random.js';
import type {
  ApplicationEventRow,
  ApplicationMemberRow,
  ApplicationRow,
  DatasetTables,
  IndicatorMeasurementRow,
  OrganisationRow,
  SurveyQuestionRow,
  SurveyResponseRow,
  SurveyRow,
} from './rows.js';

/** Who recorded the historical events: the import, not a person. */
export const IMPORT_ACTOR = 'import:dataset';

/**
 * How each award year splits into individual and group registrations. Registrations, dossiers
 * and participating companies come from the published figures; these counts of group
 * registrations are the dataset's own choice (the sources do not publish them).
 */
const GROUP_REGISTRATIONS: Record<
  (typeof AWARD_YEARS)[number],
  { withDossier: number; without: number }
> = {
  2012: { withDossier: 5, without: 2 },
  2013: { withDossier: 4, without: 3 },
  2014: { withDossier: 3, without: 1 },
  2015: { withDossier: 7, without: 3 },
};

const MIN_GROUP = 3;
const MAX_GROUP = 34;

const WITHDRAWAL_REASONS: readonly (readonly [readonly [string, string], number])[] = [
  [['TIME_INVESTMENT', 'Geen tijd om een deelnamedossier op te stellen'], 4],
  [['OTHER_PRIORITIES', 'Andere prioriteiten in het bedrijf'], 3],
  [['UNKNOWN', 'Geen reden opgegeven'], 2],
];

/** Splits `total` companies over `parts` group registrations, each within the group bounds. */
function splitGroups(rng: Rng, total: number, parts: number): number[] {
  if (parts === 0) {
    if (total !== 0) throw new Error(`award calibration: ${total} companies but no group dossier`);
    return [];
  }
  for (let attempt = 0; attempt < 1000; attempt++) {
    const weights = Array.from({ length: parts }, () => 0.4 + rng.next());
    const sum = weights.reduce((a, b) => a + b, 0);
    const sizes = weights.map((w) => Math.max(MIN_GROUP, Math.floor((w / sum) * total)));
    let rest = total - sizes.reduce((a, b) => a + b, 0);
    for (let i = 0; rest > 0; i = (i + 1) % parts, rest--) sizes[i] = (sizes[i] as number) + 1;
    if (rest === 0 && sizes.every((s) => s >= MIN_GROUP && s <= MAX_GROUP)) {
      return sizes.sort((a, b) => b - a);
    }
  }
  throw new Error(`award calibration: cannot split ${total} companies over ${parts} groups`);
}

interface AwardApplication {
  row: ApplicationRow;
  participated: boolean;
  registeredDay: number;
  submittedAt: Date | null;
}

export interface AwardResult {
  applications: AwardApplication[];
}

export function generateAward(
  rng: Rng,
  registry: Registry,
  figures: PublishedFigure[],
  tables: DatasetTables,
): AwardResult {
  const out: AwardApplication[] = [];
  const smes = registry.companies.filter((c) => (c.employeeCount ?? 0) < 250);
  const anySize = registry.companies;
  const weightBySize = (c: OrganisationRow) =>
    c.sizeClass === 'MICRO' ? 1 : c.sizeClass === 'SMALL' ? 3 : c.sizeClass === 'MEDIUM' ? 4 : 2;

  for (const year of AWARD_YEARS) {
    const registrations = figureNumber(`award-${year}-registrations`, figures);
    const dossiers = figureNumber(`award-${year}-dossiers`, figures);
    const companies = figureNumber(`award-${year}-companies`, figures);
    const groups = GROUP_REGISTRATIONS[year];
    const individualDossiers = dossiers - groups.withDossier;
    const individualOpen = registrations - dossiers - groups.without;
    const dossierSizes = splitGroups(rng, companies - individualDossiers, groups.withDossier);
    const openSizes = Array.from({ length: groups.without }, () => rng.int(4, 15));

    // Individual registrants: distinct companies, weighted to firms large enough to run a
    // policy; from 2013 the award focused on SMEs, in 2012 large companies took part too.
    const pool = (year === 2012 ? anySize : smes).filter((c) => c.id !== DEMO_COMPANY_ID);
    const chosen = new Set<string>();
    const pickCompany = (): OrganisationRow => {
      for (;;) {
        const c = rng.pick(pool);
        if (!chosen.has(c.id) && rng.next() * 4 < weightBySize(c)) {
          chosen.add(c.id);
          return c;
        }
      }
    };
    const individuals: { org: OrganisationRow; participated: boolean }[] = [];
    if (year === 2014) {
      // The demo bakery registered individually in 2014 and submitted its dossier.
      individuals.push({
        org: registry.byId.get(DEMO_COMPANY_ID) as OrganisationRow,
        participated: true,
      });
    }
    while (individuals.length < individualDossiers)
      individuals.push({ org: pickCompany(), participated: true });
    for (let i = 0; i < individualOpen; i++)
      individuals.push({ org: pickCompany(), participated: false });

    // Group registrations: one per network per year, members drawn from the network.
    const usedNetworks = new Set<string>();
    const pickNetwork = (size: number, forced?: string): Network => {
      if (forced) {
        const n = registry.networks.find((x) => x.id === forced) as Network;
        usedNetworks.add(n.id);
        return n;
      }
      const fits = registry.networks.filter(
        (n) => n.members.length >= size && !usedNetworks.has(n.id) && n.id !== DEMO_NETWORK_ID,
      );
      const n = rng.pick(fits);
      usedNetworks.add(n.id);
      return n;
    };
    const groupSpecs: { size: number; participated: boolean; forced?: string }[] = [
      ...dossierSizes.map((size) => ({ size, participated: true })),
      ...openSizes.map((size) => ({ size, participated: false })),
    ];
    if (year === 2015) {
      // The demo business association: a group dossier of several member companies.
      const demoSpec =
        groupSpecs.find((g) => g.participated && g.size >= 8 && g.size <= 20) ?? groupSpecs[0];
      if (demoSpec) demoSpec.forced = DEMO_NETWORK_ID;
    }

    const all = [
      ...individuals.map((x) => ({ kind: 'INDIVIDUAL' as const, ...x })),
      ...groupSpecs.map((g) => ({ kind: 'GROUP' as const, ...g })),
    ];
    let index = 0;
    for (const spec of all) {
      const id = uuidFor(`application:${AWARD}:${year}:${index++}`);
      let organisationId: string;
      let members: string[] = [];
      if (spec.kind === 'INDIVIDUAL') {
        organisationId = spec.org.id;
      } else {
        // Largest groups come first, so the networks big enough for them are still free.
        const network = pickNetwork(spec.size, spec.forced);
        organisationId = network.id;
        members = rng.shuffle(network.members.slice()).slice(0, spec.size);
        if (members.length !== spec.size) throw new Error(`network ${network.name} too small`);
      }
      const registeredDay = weekdayBetween(rng, day(`${year}-02-01`), day(`${year}-05-31`));
      const registeredAt = brussels(registeredDay, rng.int(9, 16), rng.int(0, 59));
      const deadline = day(`${year}-09-15`);
      const events: ApplicationEventRow[] = [event(id, 'REGISTERED', registeredAt)];
      let submittedAt: Date | null = null;
      if (spec.participated) {
        const d = weekdayBetween(rng, registeredDay + 30, deadline);
        submittedAt = brussels(d, rng.int(9, 17), rng.int(0, 59));
        events.push(event(id, 'PARTICIPATED', submittedAt));
      } else if (rng.chance(0.5)) {
        // Some registrants withdrew explicitly; the others simply never submitted a dossier.
        const d = weekdayBetween(rng, registeredDay + 14, deadline);
        const [code, text] = rng.weighted(WITHDRAWAL_REASONS);
        events.push(
          event(id, 'WITHDRAWN', brussels(d, rng.int(9, 17), rng.int(0, 59)), code, text),
        );
      }
      const channel =
        spec.kind === 'GROUP'
          ? rng.weighted([
              [CHANNEL.network, 6],
              [CHANNEL.unizo, 2],
              [CHANNEL.website, 2],
            ] as const)
          : rng.weighted([
              [CHANNEL.website, 35],
              [CHANNEL.unizo, 20],
              [CHANNEL.preventionService, 20],
              [CHANNEL.wordOfMouth, 15],
              [null, 10],
            ] as const);
      const row: ApplicationRow = {
        id,
        programmeId: programmeId(AWARD),
        editionId: editionId(AWARD, year),
        organisationId,
        registrationType: spec.kind,
        channelId: channel ? channelId(channel) : null,
        coachId: null,
        companyCount: spec.kind === 'GROUP' ? members.length : 1,
        idempotencyKey: null,
        createdAt: registeredAt,
        version: 1,
        stage1At: null,
        stage2At: null,
        stage3At: null,
        stage4At: null,
        exitStage: null,
        exitAt: null,
        exitReason: null,
      };
      tables.application.push(row);
      tables.application_member.push(
        ...members.map((m): ApplicationMemberRow => ({ applicationId: id, organisationId: m })),
      );
      tables.application_event.push(...events);
      out.push({ row, participated: spec.participated, registeredDay, submittedAt });
    }
  }
  generateSurvey2014(rng, out, tables);
  generateBeforeAfter(rng, out, tables);
  return { applications: out };
}

export function event(
  applicationId: string,
  stage: string,
  at: Date,
  reasonCode: string | null = null,
  reasonText: string | null = null,
): ApplicationEventRow {
  // Historical records: recorded when they happened, so a reload gives identical rows.
  return {
    applicationId,
    stage,
    occurredAt: at,
    actor: IMPORT_ACTOR,
    reasonCode,
    reasonText,
    recordedAt: at,
  };
}

const USE_CHOICES = ['NIET', 'BEPERKT', 'REGELMATIG'] as const;

/**
 * 2014 was the first year the dossiers asked about use of the online toolbox and employees'
 * lifestyle intentions: one response per participating applicant, submitted with the dossier.
 */
function generateSurvey2014(rng: Rng, apps: AwardApplication[], tables: DatasetTables): void {
  const survey: SurveyRow = {
    id: uuidFor('survey:nv-gezond-2014-dossier'),
    key: 'nv-gezond-2014-dossier',
    programmeId: programmeId(AWARD),
    editionId: editionId(AWARD, 2014),
    title: 'NV Gezond award 2014: gebruik van de toolbox en leefstijlintenties (deelnamedossier)',
    opensOn: '2014-01-01',
    closesOn: null,
    status: 'PUBLISHED',
    moment: null,
    currentVersion: 1,
  };
  const componentText: Record<(typeof TOOLBOX_COMPONENTS)[number], string> = {
    'stappenplan-samenwerking':
      'Hoe vaak gebruikte uw organisatie het digitale stappenplan om samen met andere bedrijven gezondheidsinitiatieven te organiseren?',
    'stappenplan-eigen-beleid':
      'Hoe vaak gebruikte uw organisatie het digitale stappenplan voor een gezondheidsbeleid in de eigen organisatie?',
    'leidraad-leefstijladvies':
      'Hoe vaak gebruikte u of uw dienstverlener de leidraad leefstijladvies?',
  };
  const intentions: readonly [string, string][] = [
    ['intentie_bewegen', 'Werknemers zijn van plan meer te bewegen.'],
    ['intentie_gezonde_voeding', 'Werknemers zijn van plan gezonder te eten.'],
    ['intentie_minder_zitten', 'Werknemers zijn van plan minder lang stil te zitten.'],
    ['intentie_stress', 'Werknemers willen beter met stress omgaan.'],
    ['intentie_niet_roken', 'Rokende werknemers willen minder roken of stoppen.'],
  ];
  const questions: SurveyQuestionRow[] = [];
  let position = 1;
  for (const key of TOOLBOX_COMPONENTS) {
    const qKey = `gebruik_${key.replaceAll('-', '_')}`;
    questions.push({
      id: uuidFor(`survey_question:nv-gezond-2014-dossier:${qKey}`),
      surveyId: survey.id,
      version: 1,
      key: qKey,
      text: componentText[key],
      required: false,
      kind: 'CHOICE',
      options: {
        choices: [...USE_CHOICES],
        labels: {
          NIET: 'Niet gebruikt',
          BEPERKT: 'Af en toe gebruikt',
          REGELMATIG: 'Regelmatig gebruikt',
        },
      },
      componentKey: key,
      position: position++,
    });
  }
  for (const [key, text] of intentions) {
    questions.push({
      id: uuidFor(`survey_question:nv-gezond-2014-dossier:${key}`),
      surveyId: survey.id,
      version: 1,
      key,
      text,
      required: false,
      kind: 'SCALE',
      options: { min: 1, max: 5, minLabel: 'Helemaal niet akkoord', maxLabel: 'Helemaal akkoord' },
      componentKey: null,
      position: position++,
    });
  }
  const responses: SurveyResponseRow[] = [];
  for (const a of apps) {
    if (!a.participated || a.row.editionId !== survey.editionId || !a.submittedAt) continue;
    const group = a.row.registrationType === 'GROUP';
    const answers: SurveyResponseRow['answers'] = {};
    // Networks lean on the joint step plan, single companies on the in-house one.
    const use = (regular: number, limited: number) =>
      rng.weighted([
        ['REGELMATIG', regular],
        ['BEPERKT', limited],
        ['NIET', Math.max(0.05, 1 - regular - limited)],
      ] as const);
    answers.gebruik_stappenplan_samenwerking = group ? use(0.6, 0.3) : use(0.1, 0.3);
    answers.gebruik_stappenplan_eigen_beleid = group ? use(0.25, 0.45) : use(0.5, 0.35);
    answers.gebruik_leidraad_leefstijladvies = use(0.2, 0.4);
    for (const [key] of intentions) {
      answers[key] = Math.min(
        5,
        Math.max(1, Math.round(rng.normal(key === 'intentie_niet_roken' ? 3 : 3.6, 0.9))),
      );
    }
    responses.push({
      id: uuidFor(`survey_response:nv-gezond-2014-dossier:${a.row.id}`),
      surveyId: survey.id,
      organisationId: a.row.organisationId,
      version: 1,
      answers,
      submittedAt: a.submittedAt,
      updatedAt: a.submittedAt,
    });
  }
  tables.survey.push(survey);
  tables.survey_question.push(...questions);
  tables.survey_response.push(...responses);
}

/**
 * Before/after indicator scores for part of the individual participants from 2013 on (none in
 * 2012, so the 2012 measurement keeps its published size): a baseline when registering and a
 * follow-up about a year later.
 */
function generateBeforeAfter(rng: Rng, apps: AwardApplication[], tables: DatasetTables): void {
  const rows: IndicatorMeasurementRow[] = [];
  for (const a of apps) {
    if (!a.participated || a.row.registrationType !== 'INDIVIDUAL') continue;
    const year = Number(isoDay(a.registeredDay).slice(0, 4));
    const demo = a.row.organisationId === DEMO_COMPANY_ID;
    if (year < 2013 || !(demo || rng.chance(0.55))) continue;
    const before = Math.min(80, Math.max(5, rng.normal(31, 10)));
    const after = Math.min(95, before + Math.max(0, rng.normal(11, 6)));
    const afterDay = weekdayBetween(rng, a.registeredDay + 330, a.registeredDay + 400);
    rows.push(
      {
        id: uuidFor(`indicator_measurement:award-before:${a.row.id}`),
        organisationId: a.row.organisationId,
        measuredOn: isoDay(a.registeredDay),
        score: before.toFixed(2),
        source: 'NV Gezond award: voormeting',
      },
      {
        id: uuidFor(`indicator_measurement:award-after:${a.row.id}`),
        organisationId: a.row.organisationId,
        measuredOn: isoDay(afterDay),
        score: after.toFixed(2),
        source: 'NV Gezond award: nameting',
      },
    );
  }
  tables.indicator_measurement.push(...rows);
}
