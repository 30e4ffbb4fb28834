import type { Faker } from '@faker-js/faker';
import { event } from './award.js';
import { brussels, day, isoDay, isWeekend, weekdayBetween } from './calendar.js';
import {
  CAMPAIGN_WINDOWS,
  CHANNEL,
  COACHING,
  COACHING_DATA_DATE,
  COACHING_LAUNCH,
  campaigns,
  channelId,
  editionId,
  fundingSourceId,
  programmeId,
} from './catalogue.js';
import { DEMO_COMPANY_ID, ORG, type Registry } from './organisations.js';
import { figureNumber, type PublishedFigure } from './published-figures.js';
import { type Rng, uuidFor } from './random.js';
import { SERVICE_PROVIDERS } from './reference-data.js';
import type {
  ApplicationRow,
  CoachRow,
  DatasetTables,
  ExpenditureRow,
  OrganisationRow,
} from './rows.js';

/** The answer's table: cumulative counts at each snapshot (t.e.m. 2017, 2018, juli 2019). */
const SNAPSHOTS = [
  { year: 2017, end: '2017-12-31' },
  { year: 2018, end: '2018-12-31' },
  { year: 2019, end: COACHING_DATA_DATE },
] as const;

export const REJECTION_REASONS = {
  NOT_ELIGIBLE_SIZE: 'De onderneming telt 50 of meer werknemers en is dus geen kleine onderneming.',
  HAS_PREVENTION_COMMITTEE:
    'De onderneming heeft al een comité voor preventie en bescherming op het werk.',
  INCOMPLETE: 'De aanvraag is onvolledig: gevraagde gegevens ontbreken.',
} as const;
type RejectionReason = keyof typeof REJECTION_REASONS;

export const DROP_OUT_REASONS = {
  TIME_INVESTMENT: 'Het opzetten van een gezondheidsbeleid vraagt te veel tijd van het personeel.',
  OTHER_PRIORITIES: 'Andere prioriteiten in het bedrijf gaan voor.',
  PAPERWORK: 'Te veel administratie en papierwerk.',
  COST: 'De eigen bijdrage van 500 euro is te hoog.',
  UNKNOWN: 'Geen reden opgegeven.',
} as const;
type DropOutReason = keyof typeof DROP_OUT_REASONS;

/**
 * Drop-outs after approval without a start, as the interim evaluation found them: time and other
 * priorities, not the 500 euro fee. Rejections: the eligibility rules plus incomplete files.
 */
const APPROVED_NOT_STARTED_DROPOUTS: Record<DropOutReason, number> = {
  TIME_INVESTMENT: 24,
  OTHER_PRIORITIES: 19,
  PAPERWORK: 8,
  COST: 6,
  UNKNOWN: 5,
};
const STARTED_DROPOUTS: readonly (readonly [DropOutReason, number])[] = [
  ['TIME_INVESTMENT', 3],
  ['OTHER_PRIORITIES', 2],
  ['UNKNOWN', 1],
];
const STARTED_DROPOUT_COUNT = 5;
const REJECTIONS: Record<RejectionReason, number> = {
  NOT_ELIGIBLE_SIZE: 6,
  HAS_PREVENTION_COMMITTEE: 5,
  INCOMPLETE: 4,
};

/** Channels of the 196 applications; the 2018 campaign channels are placed separately below. */
const CHANNEL_COUNTS: readonly (readonly [string | null, number])[] = [
  [CHANNEL.prebes, 72],
  [CHANNEL.preventionService, 38],
  [CHANNEL.unizo, 26],
  [CHANNEL.website, 24],
  [CHANNEL.wordOfMouth, 21],
  [null, 6],
];
const CAMPAIGN_APPLICATIONS: Record<keyof typeof CAMPAIGN_WINDOWS, number> = {
  [CHANNEL.metro]: 2,
  [CHANNEL.hrMagazines]: 3,
  [CHANNEL.facebook]: 4,
};

// Applications per month of 2018: the Prebes mailing early in the year, a summer dip.
const MONTH_WEIGHTS_2018 = [14, 12, 12, 12, 11, 10, 6, 6, 11, 12, 11, 6];

/** Coach fee per coaching session (euro cents); the ABVV's 13,650 euro is 78 sessions. */
const SESSION_FEE_CENTS = 17_500;
const SESSIONS_PER_COMPLETED_TRAJECTORY = 4;

/** Training dates of the two coach cohorts; a coach takes cases from the first day after. */
const COACH_COHORTS = [
  { from: '2017-11-20', coaches: 30 },
  { from: '2018-03-26', coaches: 12 },
] as const;

interface CoachingApp {
  id: string;
  year: number;
  appliedDay: number;
  periodEnd: number;
  rejected: RejectionReason | null;
  decisionDay: number;
  org: OrganisationRow;
  channel: string | null;
  coachId: string | null;
  startDay: number | null;
  completeDay: number | null;
  drop: { day: number; reason: DropOutReason } | null;
}

export interface CoachingResult {
  coaches: CoachRow[];
}

function counts(figures: PublishedFigure[], metric: string) {
  return SNAPSHOTS.map((s) => figureNumber(`coaches-${s.year}-${metric}`, figures));
}

/** Per-period increments of a cumulative series. */
function increments(cumulative: number[]): number[] {
  return cumulative.map((v, i) => v - (i === 0 ? 0 : (cumulative[i - 1] as number)));
}

function nextWeekday(d: number): number {
  let x = d;
  while (isWeekend(x)) x++;
  return x;
}

export function generateCoaching(
  rng: Rng,
  faker: Faker,
  registry: Registry,
  figures: PublishedFigure[],
  tables: DatasetTables,
): CoachingResult {
  const applied = increments(counts(figures, 'applications'));
  const approved = increments(counts(figures, 'approved'));
  const rejected = increments(counts(figures, 'rejected'));
  const started = increments(counts(figures, 'started'));
  const completed = increments(counts(figures, 'completed'));
  SNAPSHOTS.forEach((s, i) => {
    // The answer's table decides every application by each snapshot; the data follow that.
    if (applied[i] !== (approved[i] as number) + (rejected[i] as number)) {
      throw new Error(`coaching calibration: ${s.year} applications are not all decided`);
    }
  });

  const coaches = makeCoaches(rng, faker, figureNumber('coaches-count', figures));
  tables.coach.push(...coaches.map((c) => c.row));

  // 1. Application days per period, weekdays only, leaving room to decide before the snapshot.
  const launch = day(COACHING_LAUNCH);
  const apps: CoachingApp[] = [];
  SNAPSHOTS.forEach((s, p) => {
    const start = p === 0 ? launch : day(`${s.year}-01-01`);
    const end = day(s.end);
    const days: number[] = [];
    for (let i = 0; i < (applied[p] as number); i++) {
      if (s.year === 2018) {
        const month = rng.weighted(MONTH_WEIGHTS_2018.map((w, m) => [m, w] as const));
        const from = day(`2018-${String(month + 1).padStart(2, '0')}-01`);
        // Date.UTC rolls month 13 over to January, so December ends on the 31st.
        const to = Math.min(day(`2018-${String(month + 2).padStart(2, '0')}-01`) - 1, end - 4);
        days.push(weekdayBetween(rng, from, to));
      } else {
        days.push(weekdayBetween(rng, start, end - 4));
      }
    }
    days.sort((a, b) => a - b);
    // 2. Which of them were rejected (and why); the rest were approved.
    const rejectedHere = new Set(
      rng.shuffle(days.map((_, i) => i)).slice(0, rejected[p] as number),
    );
    days.forEach((d, i) => {
      apps.push({
        id: '',
        year: s.year,
        appliedDay: d,
        periodEnd: end,
        rejected: rejectedHere.has(i) ? ('INCOMPLETE' as RejectionReason) : null,
        decisionDay: 0,
        org: undefined as unknown as OrganisationRow,
        channel: null,
        coachId: null,
        startDay: null,
        completeDay: null,
        drop: null,
      });
    });
  });
  apps.forEach((a, i) => {
    a.id = uuidFor(`application:${COACHING}:${i}`);
  });

  // Rejection reasons over the rejected applications.
  const rejectedApps = apps.filter((a) => a.rejected);
  const reasons = rng.shuffle(
    Object.entries(REJECTIONS).flatMap(([r, n]) =>
      Array<RejectionReason>(n).fill(r as RejectionReason),
    ),
  );
  if (reasons.length !== rejectedApps.length)
    throw new Error('coaching calibration: rejection reasons');
  rejectedApps.forEach((a, i) => {
    a.rejected = reasons[i] as RejectionReason;
  });

  // 3. Decision lead time: most within two weeks, a tail up to two months, always before the
  //    snapshot that counts the application (the answer's table has none pending).
  for (const a of apps) {
    const lead = rng.chance(0.66)
      ? rng.int(2, 14)
      : Math.min(60, 15 + Math.floor(-Math.log(1 - rng.next()) * 14));
    let d = nextWeekday(a.appliedDay + lead);
    if (d > a.periodEnd) d = weekdayBetween(rng, a.appliedDay + 1, a.periodEnd);
    a.decisionDay = d;
  }

  // 4. Applicants: small companies without a committee, except where the rejection says otherwise.
  const used = new Set<string>([DEMO_COMPANY_ID]);
  const companies = registry.companies;
  const pickOrg = (ok: (c: OrganisationRow) => boolean): OrganisationRow => {
    const pool = companies.filter((c) => ok(c) && !used.has(c.id));
    const c = rng.pick(pool);
    used.add(c.id);
    return c;
  };
  const eligible = (c: OrganisationRow) => (c.employeeCount ?? 0) < 50 && !c.hasPreventionCommittee;
  // The demo bakery applied in spring 2018, was approved and started a trajectory.
  const demoApp = rng.pick(
    apps.filter(
      (a) =>
        a.year === 2018 &&
        !a.rejected &&
        a.appliedDay < day('2018-06-01') &&
        a.appliedDay >= day('2018-02-01'),
    ),
  );
  for (const a of apps) {
    if (a === demoApp) a.org = registry.byId.get(DEMO_COMPANY_ID) as OrganisationRow;
    else if (a.rejected === 'NOT_ELIGIBLE_SIZE')
      a.org = pickOrg(
        (c) =>
          (c.employeeCount ?? 0) >= 50 && (c.employeeCount ?? 0) < 120 && !c.hasPreventionCommittee,
      );
    else if (a.rejected === 'HAS_PREVENTION_COMMITTEE')
      a.org = pickOrg((c) => (c.employeeCount ?? 0) < 50 && c.hasPreventionCommittee);
    else {
      // Slightly more small (10–49) than micro firms: the micro ones rarely have the staff time.
      const size = rng.chance(0.55) ? 'SMALL' : 'MICRO';
      a.org = pickOrg((c) => eligible(c) && c.sizeClass === size);
    }
  }

  // 5. Channels: the campaign channels bring a handful of applications during their 2018 windows.
  for (const [key, n] of Object.entries(CAMPAIGN_APPLICATIONS)) {
    const [from, to] = CAMPAIGN_WINDOWS[key as keyof typeof CAMPAIGN_WINDOWS];
    const inWindow = apps.filter(
      (a) =>
        a.channel === null &&
        a.appliedDay >= day(from) &&
        a.appliedDay <= day(to) + 28 &&
        a !== demoApp,
    );
    for (const a of rng.shuffle(inWindow).slice(0, n)) a.channel = key;
  }
  const rest = apps.filter((a) => !Object.hasOwn(CAMPAIGN_APPLICATIONS, a.channel ?? ''));
  const labels = rng.shuffle(CHANNEL_COUNTS.flatMap(([c, n]) => Array<string | null>(n).fill(c)));
  if (labels.length !== rest.length) throw new Error('coaching calibration: channel counts');
  rest.forEach((a, i) => {
    a.channel = labels[i] ?? null;
  });

  // 6. Coaches on approval: any coach trained by the decision day.
  for (const a of apps) {
    if (a.rejected) continue;
    const available = coaches.filter((c) => c.activeFromDay <= a.decisionDay);
    a.coachId = rng.pick(available).row.id;
  }

  // 7. Starts: a candidate start weeks after approval; per snapshot period pick exactly as many
  //    starters as the table says from the approvals whose candidate falls in that period.
  const approvedApps = apps.filter((a) => !a.rejected);
  const candidate = new Map<CoachingApp, number>();
  for (const a of approvedApps) {
    const lag = Math.round(Math.exp(rng.normal(Math.log(45), 0.6)));
    let d = nextWeekday(a.decisionDay + Math.min(240, Math.max(10, lag)));
    if (a === demoApp) d = nextWeekday(a.decisionDay + 30);
    if (d < day('2018-01-08')) d = weekdayBetween(rng, day('2018-01-08'), day('2018-01-31'));
    candidate.set(a, d);
  }
  SNAPSHOTS.forEach((s, p) => {
    const from = p === 0 ? launch : day(`${s.year}-01-01`);
    const to = day(s.end);
    const inPeriod = approvedApps.filter((a) => {
      const c = candidate.get(a) as number;
      return c >= from && c <= to;
    });
    const need = started[p] as number;
    if (inPeriod.length < need)
      throw new Error(`coaching calibration: too few starts possible in ${s.year}`);
    const forced = inPeriod.includes(demoApp) ? [demoApp] : [];
    const chosen = [
      ...forced,
      ...rng.shuffle(inPeriod.filter((a) => a !== demoApp)).slice(0, need - forced.length),
    ];
    for (const a of chosen) a.startDay = candidate.get(a) as number;
  });
  if (demoApp.startDay === null)
    throw new Error('coaching calibration: demo application did not start');

  // 8. Completions: trajectories take months; only the earliest starters finish by mid-2019.
  SNAPSHOTS.forEach((s, p) => {
    const need = completed[p] as number;
    if (need === 0) return;
    const from = p === 0 ? launch : day(`${s.year}-01-01`);
    const to = day(s.end);
    const able = approvedApps
      .filter((a) => a.startDay !== null && a.startDay + 150 <= to && a !== demoApp)
      .sort((x, y) => (x.startDay as number) - (y.startDay as number));
    const pool = able.slice(0, Math.max(need, Math.ceil(able.length * 0.6)));
    if (pool.length < need)
      throw new Error(`coaching calibration: too few completions possible in ${s.year}`);
    for (const a of rng.shuffle(pool).slice(0, need)) {
      a.completeDay = weekdayBetween(rng, Math.max(from + 3, (a.startDay as number) + 150), to);
    }
  });

  // 9. Drop-outs, recorded with the reason the company gave.
  const dataDate = day(COACHING_DATA_DATE);
  const notStarted = rng.shuffle(
    approvedApps.filter((a) => a.startDay === null && a.decisionDay + 30 <= dataDate),
  );
  const dropReasons = rng.shuffle(
    Object.entries(APPROVED_NOT_STARTED_DROPOUTS).flatMap(([r, n]) =>
      Array<DropOutReason>(n).fill(r as DropOutReason),
    ),
  );
  notStarted.slice(0, dropReasons.length).forEach((a, i) => {
    a.drop = {
      day: weekdayBetween(rng, a.decisionDay + 21, Math.min(a.decisionDay + 150, dataDate)),
      reason: dropReasons[i] as DropOutReason,
    };
  });
  const running = rng.shuffle(
    approvedApps.filter(
      (a) =>
        a.startDay !== null &&
        a.completeDay === null &&
        a !== demoApp &&
        a.startDay + 45 <= dataDate,
    ),
  );
  for (const a of running.slice(0, STARTED_DROPOUT_COUNT)) {
    const start = a.startDay as number;
    a.drop = {
      day: weekdayBetween(rng, start + 30, Math.min(start + 200, dataDate)),
      reason: rng.weighted(STARTED_DROPOUTS),
    };
  }

  // 10. Rows.
  for (const a of apps) {
    const appliedAt = brussels(a.appliedDay, rng.int(8, 16), rng.int(0, 59));
    const events = [event(a.id, 'APPLIED', appliedAt)];
    const decidedAt = brussels(a.decisionDay, rng.int(9, 16), rng.int(0, 59));
    if (a.rejected) {
      events.push(event(a.id, 'REJECTED', decidedAt, a.rejected, REJECTION_REASONS[a.rejected]));
    } else {
      events.push(event(a.id, 'APPROVED', decidedAt));
    }
    if (a.startDay !== null)
      events.push(event(a.id, 'STARTED', brussels(a.startDay, rng.int(9, 15), rng.int(0, 59))));
    if (a.completeDay !== null) {
      events.push(
        event(a.id, 'COMPLETED', brussels(a.completeDay, rng.int(10, 16), rng.int(0, 59))),
      );
    }
    if (a.drop) {
      const at = brussels(a.drop.day, rng.int(9, 16), rng.int(0, 59));
      events.push(event(a.id, 'DROPPED_OUT', at, a.drop.reason, DROP_OUT_REASONS[a.drop.reason]));
    }
    const row: ApplicationRow = {
      id: a.id,
      programmeId: programmeId(COACHING),
      editionId: editionId(COACHING, a.year),
      organisationId: a.org.id,
      registrationType: 'INDIVIDUAL',
      channelId: a.channel ? channelId(a.channel) : null,
      coachId: a.coachId,
      companyCount: 1,
      idempotencyKey: null,
      createdAt: appliedAt,
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
    tables.application_event.push(...events);
  }

  tables.expenditure.push(...expenditures(rng, figures, apps));
  return { coaches: coaches.map((c) => c.row) };
}

function makeCoaches(rng: Rng, faker: Faker, total: number) {
  const perProvider = SERVICE_PROVIDERS.reduce((n, p) => n + p.coaches, 0);
  const cohortTotal = COACH_COHORTS.reduce((n, c) => n + c.coaches, 0);
  if (perProvider !== total || cohortTotal !== total)
    throw new Error('coaching calibration: coach count');
  const list: { row: CoachRow; activeFromDay: number }[] = [];
  for (const p of SERVICE_PROVIDERS) {
    for (let i = 0; i < p.coaches; i++) {
      list.push({
        row: {
          id: uuidFor(`coach:${COACHING}:${p.key}:${i}`),
          programmeId: programmeId(COACHING),
          serviceProviderId: ORG.provider(p.key),
          // First and last name only: faker's full names add titles such as 'Ir.'.
          fullName: `${faker.person.firstName()} ${faker.person.lastName()}`,
          activeFrom: '',
          activeUntil: null,
        },
        activeFromDay: 0,
      });
    }
  }
  const order = rng.shuffle(list.slice());
  let i = 0;
  for (const cohort of COACH_COHORTS) {
    for (let k = 0; k < cohort.coaches; k++, i++) {
      const c = order[i] as (typeof list)[number];
      c.row.activeFrom = cohort.from;
      c.activeFromDay = day(cohort.from);
    }
  }
  return list;
}

/** Sorted distinct weekdays in [from, to] (fewer when the range is short). */
function sessionDays(rng: Rng, n: number, from: number, to: number): number[] {
  const out = new Set<number>();
  for (let tries = 0; out.size < n && tries < n * 20; tries++)
    out.add(weekdayBetween(rng, from, to));
  while (out.size < n) out.add(to - out.size);
  return [...out].sort((a, b) => a - b);
}

/**
 * Spending up to the data date, by category. The total is the published used budget; coach fees
 * are the ABVV's figure, billed per session on the trajectories; campaign spending equals the
 * 2018 campaign costs; training the coaches is development; the remainder is administration.
 */
function expenditures(rng: Rng, figures: PublishedFigure[], apps: CoachingApp[]): ExpenditureRow[] {
  const totalCents = figureNumber('coaches-budget-used', figures) * 100;
  const feeCents = figureNumber('coaches-budget-coach-fees', figures) * 100;
  if (feeCents % SESSION_FEE_CENTS !== 0) throw new Error('coaching calibration: fee per session');
  const dataDate = day(COACHING_DATA_DATE);
  const rows: ExpenditureRow[] = [];
  const source = fundingSourceId('vlaamse-overheid');
  const programme = programmeId(COACHING);
  const add = (
    key: string,
    category: ExpenditureRow['category'],
    cents: number,
    spentOn: string,
    description: string,
    extra: Partial<ExpenditureRow> = {},
  ) =>
    rows.push({
      id: uuidFor(`expenditure:${COACHING}:${key}`),
      programmeId: programme,
      fundingSourceId: source,
      editionId: null,
      category,
      amountCents: String(cents),
      spentOn,
      applicationId: null,
      description,
      ...extra,
    });

  const development: readonly [string, number, string][] = [
    ['2017-10-31', 20_360_00, 'Ontwikkeling van de coachingmethodiek en instrumenten'],
    ['2017-11-20', 54_600_00, 'Opleiding gezondheidscoaches, eerste groep'],
    ['2018-03-26', 21_840_00, 'Opleiding gezondheidscoaches, tweede groep'],
  ];
  for (const [on, cents, text] of development)
    add(`development:${on}`, 'DEVELOPMENT', cents, on, text);

  for (const c of campaigns) {
    add(`campaign:${c.id}`, 'CAMPAIGN', Number(c.costCents), c.endsOn, `${c.agency}: ${c.name}`);
  }

  // Coach sessions: four per completed trajectory, the rest spread over running ones.
  const startedApps = apps.filter((a) => a.startDay !== null);
  const sessions = new Map<CoachingApp, number>();
  let remaining = feeCents / SESSION_FEE_CENTS;
  for (const a of startedApps) {
    const n =
      a.completeDay !== null
        ? SESSIONS_PER_COMPLETED_TRAJECTORY
        : a.org.id === DEMO_COMPANY_ID
          ? 1
          : 0;
    sessions.set(a, n);
    remaining -= n;
  }
  const open = startedApps.filter((a) => a.completeDay === null);
  for (let guard = 0; remaining > 0 && guard < 100_000; guard++) {
    const a = rng.pick(open);
    const end = Math.min(a.drop?.day ?? dataDate, dataDate);
    const cap = Math.min(3, 1 + Math.floor((end - (a.startDay as number)) / 60));
    const n = sessions.get(a) as number;
    if (n < cap) {
      sessions.set(a, n + 1);
      remaining--;
    }
  }
  if (remaining !== 0) throw new Error('coaching calibration: cannot place all coach sessions');
  for (const a of startedApps) {
    const n = sessions.get(a) as number;
    if (n === 0) continue;
    const start = a.startDay as number;
    const end = Math.min(a.completeDay ?? a.drop?.day ?? dataDate, dataDate);
    sessionDays(rng, n, Math.min(start + 7, end), end).forEach((d, i) => {
      add(
        `coach-fee:${a.id}:${i}`,
        'COACH_FEES',
        SESSION_FEE_CENTS,
        isoDay(d),
        `Coachingsessie ${i + 1} (${a.org.name})`,
        { applicationId: a.id, editionId: editionId(COACHING, a.year) },
      );
    });
  }

  // Administration: monthly project coordination from launch to the data date, the remainder.
  const spent = rows.reduce((n, r) => n + Number(r.amountCents), 0);
  const adminCents = totalCents - spent;
  if (adminCents <= 0) throw new Error('coaching calibration: nothing left for administration');
  const months: string[] = [];
  // Months from the launch (December 2017) through the data date (July 2019).
  for (let i = 0; i < 20; i++) {
    const y = 2017 + Math.floor((11 + i) / 12);
    const m = ((11 + i) % 12) + 1;
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  const weights = months.map(() => 0.7 + rng.next() * 0.6);
  const wsum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor(((w / wsum) * adminCents) / 100) * 100);
  parts[parts.length - 1] =
    (parts[parts.length - 1] as number) + adminCents - parts.reduce((a, b) => a + b, 0);
  months.forEach((month, i) => {
    add(
      `administration:${month}`,
      'ADMINISTRATION',
      parts[i] as number,
      `${month}-28`,
      `Projectcoördinatie en administratie ${month}`,
    );
  });
  return rows;
}
