import { beforeAll, describe, expect, it } from 'vitest';
import {
  type DatasetTables,
  DEMO_COMPANY_ID,
  DEMO_NETWORK_ID,
  generate,
  generateAll,
} from './generator.js';
import { DEMO_COMPANY_ID_NAME, DEMO_NETWORK_ID_NAME } from './organisations.js';
import { loadPublishedFigures } from './published-figures.js';
import { isValidKbo, uuidFor } from './random.js';
import { TABLE_COLUMNS, TABLE_ORDER } from './rows.js';

// An independent Brussels calendar (Intl), to cross-check the generator's own DST arithmetic.
const brusselsDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const localDay = (t: Date) => brusselsDate.format(t);
const localHour = (t: Date) =>
  Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Brussels',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(t),
  );

const DAY_MS = 86_400_000;

let data: DatasetTables;
const figures = loadPublishedFigures();

function lookup<T extends { id: string }>(rows: T[]) {
  return new Map(rows.map((r) => [r.id, r]));
}

/** Aggregates rows in plain code, the way an analyst's SQL would. */
function aggregate(d: DatasetTables) {
  const programme = (key: string) => d.programme.find((p) => p.key === key)?.id as string;
  const award = programme('nv-gezond');
  const coaching = programme('gezondheidscoaches');
  const editionYear = new Map(d.edition.map((e) => [e.id, e.year]));
  const eventsOf = new Map<string, DatasetTables['application_event']>();
  for (const e of d.application_event) {
    const list = eventsOf.get(e.applicationId) ?? [];
    list.push(e);
    eventsOf.set(e.applicationId, list);
  }
  const firstAt = (appId: string, stage: string) =>
    (eventsOf.get(appId) ?? [])
      .filter((e) => e.stage === stage)
      .map((e) => e.occurredAt)
      .sort((a, b) => a.getTime() - b.getTime())[0];
  const membersOf = new Map<string, number>();
  for (const m of d.application_member)
    membersOf.set(m.applicationId, (membersOf.get(m.applicationId) ?? 0) + 1);
  const awardApps = d.application.filter((a) => a.programmeId === award);
  const coachingApps = d.application.filter((a) => a.programmeId === coaching);

  const awardYear = (year: number) => {
    const apps = awardApps.filter((a) => editionYear.get(a.editionId) === year);
    const registered = apps.filter((a) => firstAt(a.id, 'REGISTERED'));
    const participated = apps.filter((a) => firstAt(a.id, 'PARTICIPATED'));
    const companies = participated.reduce(
      (n, a) => n + (a.registrationType === 'GROUP' ? (membersOf.get(a.id) ?? 0) : 1),
      0,
    );
    return { registrations: registered.length, dossiers: participated.length, companies };
  };
  const cumulative = (stage: string, through: string) =>
    coachingApps.filter((a) => {
      const at = firstAt(a.id, stage);
      return at !== undefined && localDay(at) <= through;
    }).length;
  return {
    award,
    coaching,
    awardApps,
    coachingApps,
    eventsOf,
    firstAt,
    membersOf,
    awardYear,
    cumulative,
  };
}

beforeAll(() => {
  data = generateAll();
});

describe('bundled dataset reproduces every exact published figure', () => {
  const snapshot = { '2017': '2017-12-31', '2018': '2018-12-31', '2019': '2019-07-31' } as const;

  it('has a computed value for each exact figure, equal to the published one', () => {
    const agg = aggregate(data);
    const allocation = (programmeId: string, year: number) =>
      data.budget_allocation
        .filter((b) => b.programmeId === programmeId && b.year === year)
        .reduce((n, b) => n + Number(b.amountCents), 0) / 100;
    const checks: Record<string, () => unknown> = {};
    for (const f of figures.filter((x) => x.check.startsWith('exact'))) {
      let m = /^award-(\d{4})-(registrations|dossiers|companies)$/.exec(f.id);
      if (m) {
        const [, y, metric] = m;
        checks[f.id] = () => agg.awardYear(Number(y))[metric as 'registrations'];
        continue;
      }
      m = /^award-(\d{4})-budget$/.exec(f.id);
      if (m) {
        checks[f.id] = () => allocation(agg.award, Number(m?.[1]));
        continue;
      }
      m = /^coaches-(\d{4})-(applications|approved|rejected|started|completed)$/.exec(f.id);
      if (m) {
        const stage = {
          applications: 'APPLIED',
          approved: 'APPROVED',
          rejected: 'REJECTED',
          started: 'STARTED',
          completed: 'COMPLETED',
        }[m[2] as string] as string;
        const through = snapshot[m[1] as keyof typeof snapshot];
        checks[f.id] = () => agg.cumulative(stage, through);
      }
    }
    checks['award-2015-ceremony'] = () =>
      data.edition.find((e) => e.programmeId === agg.award && e.year === 2015)?.closesOn;
    checks['coaches-budget-allocated'] = () => allocation(agg.coaching, 2016);
    checks['coaches-count'] = () => data.coach.filter((c) => c.programmeId === agg.coaching).length;
    checks['coaches-budget-used'] = () =>
      data.expenditure
        .filter((e) => e.programmeId === agg.coaching && e.spentOn <= '2019-07-31')
        .reduce((n, e) => n + Number(e.amountCents), 0) / 100;

    const exact = figures.filter((f) => f.check === 'exact');
    for (const f of exact) {
      const check = checks[f.id];
      expect(check, `no check for ${f.id}`).toBeDefined();
      expect(check?.(), f.id).toEqual(f.value);
    }
    // Rule-based exact figures have their own tests below.
    expect(
      figures
        .filter((f) => f.check.startsWith('exact: '))
        .map((f) => f.id)
        .sort(),
    ).toEqual([
      'coaches-2018-campaign',
      'coaches-decision-lead-time',
      'coaches-dropout-main-reason',
      'coaches-top-channel',
    ]);
  });

  it('keeps group registrations consistent: networks, members and company_count', () => {
    const agg = aggregate(data);
    const orgs = lookup(data.organisation);
    const memberships = new Set(data.network_membership.map((m) => `${m.networkId}:${m.memberId}`));
    for (const a of data.application) {
      const members = data.application_member.filter((m) => m.applicationId === a.id);
      if (a.registrationType === 'GROUP') {
        expect(orgs.get(a.organisationId)?.kind).toBe('NETWORK');
        expect(members.length).toBeGreaterThanOrEqual(3);
        expect(a.companyCount).toBe(members.length);
        for (const m of members) {
          expect(memberships.has(`${a.organisationId}:${m.organisationId}`)).toBe(true);
          expect(orgs.get(m.organisationId)?.kind).toBe('COMPANY');
        }
      } else {
        expect(orgs.get(a.organisationId)?.kind).toBe('COMPANY');
        expect(a.companyCount).toBe(1);
        expect(members).toHaveLength(0);
      }
    }
    // Some registrations without a dossier withdrew, others just never submitted.
    const open = agg.awardApps.filter((a) => !agg.firstAt(a.id, 'PARTICIPATED'));
    const withdrawn = open.filter((a) => agg.firstAt(a.id, 'WITHDRAWN'));
    expect(withdrawn.length).toBeGreaterThan(0);
    expect(withdrawn.length).toBeLessThan(open.length);
  });

  it('coaching: launch, data date, decisions in time and mostly within two weeks', () => {
    const agg = aggregate(data);
    const coachingEvents = agg.coachingApps.flatMap((a) => agg.eventsOf.get(a.id) ?? []);
    expect(coachingEvents.every((e) => localDay(e.occurredAt) <= '2019-07-31')).toBe(true);
    expect(
      coachingEvents.every((e) => localHour(e.occurredAt) >= 8 && localHour(e.occurredAt) <= 18),
    ).toBe(true);
    const applied = agg.coachingApps.map((a) => agg.firstAt(a.id, 'APPLIED') as Date);
    expect(applied.every((t) => localDay(t) >= '2017-12-06')).toBe(true);

    const leads = agg.coachingApps.map((a) => {
      const decided = [agg.firstAt(a.id, 'APPROVED'), agg.firstAt(a.id, 'REJECTED')].filter(
        Boolean,
      ) as Date[];
      expect(decided).toHaveLength(1);
      const from = Date.parse(localDay(agg.firstAt(a.id, 'APPLIED') as Date));
      return (Date.parse(localDay(decided[0] as Date)) - from) / DAY_MS;
    });
    const within14 = leads.filter((d) => d <= 14).length / leads.length;
    expect(within14).toBeGreaterThan(0.5);
    expect(within14).toBeGreaterThan(0.55);
    expect(within14).toBeLessThan(0.85);
    expect(Math.min(...leads)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...leads)).toBeLessThanOrEqual(62);
    expect(Math.max(...leads)).toBeGreaterThan(30);
  });

  it('coaching: reasons for rejection and drop-out, time and priorities before cost', () => {
    const agg = aggregate(data);
    const orgs = lookup(data.organisation);
    const rejections = data.application_event.filter((e) => e.stage === 'REJECTED');
    for (const e of rejections) {
      expect(['NOT_ELIGIBLE_SIZE', 'HAS_PREVENTION_COMMITTEE', 'INCOMPLETE']).toContain(
        e.reasonCode,
      );
      expect(e.reasonText).toBeTruthy();
      const org = orgs.get(
        data.application.find((a) => a.id === e.applicationId)?.organisationId ?? '',
      );
      if (e.reasonCode === 'NOT_ELIGIBLE_SIZE')
        expect(org?.employeeCount).toBeGreaterThanOrEqual(50);
      if (e.reasonCode === 'HAS_PREVENTION_COMMITTEE')
        expect(org?.hasPreventionCommittee).toBe(true);
    }
    const approvedNotStarted = agg.coachingApps.filter(
      (a) => agg.firstAt(a.id, 'APPROVED') && !agg.firstAt(a.id, 'STARTED'),
    );
    const reasons = new Map<string, number>();
    for (const a of approvedNotStarted) {
      const drop = (agg.eventsOf.get(a.id) ?? []).find((e) => e.stage === 'DROPPED_OUT');
      if (drop?.reasonCode) reasons.set(drop.reasonCode, (reasons.get(drop.reasonCode) ?? 0) + 1);
    }
    const recorded = [...reasons.values()].reduce((n, v) => n + v, 0);
    expect(recorded / approvedNotStarted.length).toBeGreaterThan(0.4);
    const ranked = [...reasons.entries()].sort((x, y) => y[1] - x[1]);
    expect(['TIME_INVESTMENT', 'OTHER_PRIORITIES']).toContain(ranked[0]?.[0]);
    expect(reasons.get('COST') ?? 0).toBeLessThan((ranked[0]?.[1] ?? 0) / 2);
    for (const code of ['PAPERWORK', 'UNKNOWN']) expect(reasons.get(code)).toBeGreaterThan(0);
    const startedDropped = agg.coachingApps.filter(
      (a) => agg.firstAt(a.id, 'STARTED') && agg.firstAt(a.id, 'DROPPED_OUT'),
    );
    expect(startedDropped.length).toBeGreaterThan(0);
    expect(startedDropped.length).toBeLessThan(10);
  });

  it('coaching: coaches at external services, assigned on every approval once trained', () => {
    const agg = aggregate(data);
    const orgs = lookup(data.organisation);
    const coaches = lookup(data.coach);
    for (const c of data.coach)
      expect(orgs.get(c.serviceProviderId)?.kind).toBe('SERVICE_PROVIDER');
    for (const a of agg.coachingApps) {
      const approvedAt = agg.firstAt(a.id, 'APPROVED');
      if (!approvedAt) {
        expect(a.coachId).toBeNull();
        continue;
      }
      const coach = coaches.get(a.coachId ?? '');
      expect(coach).toBeDefined();
      expect(localDay(approvedAt) >= (coach?.activeFrom ?? '9999')).toBe(true);
      // Applicants that got through are small and have no committee.
      const org = orgs.get(a.organisationId);
      expect(org?.employeeCount).toBeLessThan(50);
      expect(org?.hasPreventionCommittee).toBe(false);
    }
  });

  it('channels: Prebes brings the most applications; the 2018 campaign channels few, in 2018', () => {
    const agg = aggregate(data);
    const channelKey = new Map(data.outreach_channel.map((c) => [c.id, c.key]));
    const perChannel = new Map<string, number>();
    for (const a of agg.coachingApps) {
      const key = channelKey.get(a.channelId ?? '') ?? '(onbekend)';
      perChannel.set(key, (perChannel.get(key) ?? 0) + 1);
    }
    const top = [...perChannel.entries()].sort((x, y) => y[1] - x[1]);
    expect(top[0]?.[0]).toBe('prebes');
    expect(top[0]?.[1]).toBeGreaterThan(top[1]?.[1] ?? 0);
    const prebes = data.outreach_channel.find((c) => c.key === 'prebes');
    expect(prebes?.kind).toBe('MEMBER_ASSOCIATION_MAILING');
    expect(data.organisation.find((o) => o.id === prebes?.organisationId)?.kind).toBe(
      'INTERMEDIARY',
    );

    for (const [key, kind] of [
      ['metro-carriere', 'NEWSPAPER'],
      ['hr-magazines', 'TRADE_PRESS'],
      ['facebook-professionals', 'SOCIAL_MEDIA'],
    ] as const) {
      const channel = data.outreach_channel.find((c) => c.key === key);
      expect(channel?.kind).toBe(kind);
      const campaigns = data.campaign.filter((c) => c.channelId === channel?.id);
      expect(campaigns.length).toBeGreaterThan(0);
      for (const c of campaigns) {
        expect(c.agency).toBe('Mindshare');
        expect(c.startsOn.startsWith('2018-') && c.endsOn.startsWith('2018-')).toBe(true);
      }
      const apps = agg.coachingApps.filter((a) => a.channelId === channel?.id);
      expect(apps.length).toBeGreaterThanOrEqual(1);
      expect(apps.length).toBeLessThanOrEqual(4);
      for (const a of apps)
        expect(localDay(agg.firstAt(a.id, 'APPLIED') as Date).startsWith('2018-')).toBe(true);
    }
    const campaignChannels = new Set(data.campaign.map((c) => c.channelId));
    expect(campaignChannels.size).toBe(3);
  });

  it('funding: categories add up, coach fees on started trajectories, nothing invented for NV Gezond', () => {
    const agg = aggregate(data);
    const coachingSpend = data.expenditure.filter((e) => e.programmeId === agg.coaching);
    const by = (cat: string) =>
      coachingSpend
        .filter((e) => e.category === cat)
        .reduce((n, e) => n + Number(e.amountCents), 0);
    expect(by('COACH_FEES')).toBe(1_365_000);
    expect(by('CAMPAIGN')).toBe(data.campaign.reduce((n, c) => n + Number(c.costCents), 0));
    expect(by('ADMINISTRATION')).toBeGreaterThan(0);
    expect(by('DEVELOPMENT')).toBeGreaterThan(0);
    expect(coachingSpend.every((e) => e.spentOn <= '2019-07-31')).toBe(true);
    for (const e of coachingSpend.filter((x) => x.category === 'COACH_FEES')) {
      const started = agg.firstAt(e.applicationId ?? '', 'STARTED');
      expect(started).toBeDefined();
      expect(e.spentOn >= localDay(started as Date)).toBe(true);
    }
    expect(data.expenditure.filter((e) => e.programmeId === agg.award)).toHaveLength(0);
    const esf = data.funding_source.find((f) => f.key === 'esf');
    expect(esf?.name).toBe('Europees Sociaal Fonds');
    expect(data.budget_allocation.filter((b) => b.fundingSourceId === esf?.id)).toHaveLength(0);
    const coachingBudget = data.budget_allocation.find((b) => b.programmeId === agg.coaching);
    expect(coachingBudget?.amountCents).toBe('300000000');
    expect(coachingBudget?.year).toBe(2016);
  });

  it('programmes, stages and editions are as the sources describe them', () => {
    const coaching = data.programme.find((p) => p.key === 'gezondheidscoaches');
    expect(coaching).toMatchObject({
      employerContributionCents: 50_000,
      launchedOn: '2017-12-06',
      eligibility: { kinds: ['COMPANY'], maxEmployees: 49, requiresNoPreventionCommittee: true },
    });
    const steps = (programmeId: string | undefined) =>
      data.stage_definition
        .filter((s) => s.programmeId === programmeId && s.kind === 'STEP')
        .sort((a, b) => a.position - b.position)
        .map((s) => s.key);
    expect(steps(coaching?.id)).toEqual(['APPLIED', 'APPROVED', 'STARTED', 'COMPLETED']);
    const award = data.programme.find((p) => p.key === 'nv-gezond');
    expect(steps(award?.id)).toEqual(['REGISTERED', 'PARTICIPATED']);
    const kinds = data.programme_component
      .filter((c) => c.programmeId === award?.id)
      .map((c) => c.kind);
    expect(kinds.sort()).toEqual(['AWARD', 'PROCESS_GUIDANCE', 'TOOLBOX', 'TOOLBOX', 'TOOLBOX']);
    expect(data.organisation.find((o) => o.id === award?.operatorId)?.kind).toBe(
      'PROGRAMME_OPERATOR',
    );
    expect(data.edition.filter((e) => e.programmeId === award?.id).map((e) => e.year)).toEqual([
      2012, 2013, 2014, 2015,
    ]);
    expect(data.edition.filter((e) => e.programmeId === coaching?.id).map((e) => e.year)).toEqual([
      2017, 2018, 2019,
    ]);
  });

  it('indicator measurement 2012: 1281 organisations, mean 22.90', () => {
    const in2012 = data.indicator_measurement.filter((m) => m.measuredOn.startsWith('2012-'));
    expect(in2012).toHaveLength(1281);
    const totalCents = in2012.reduce((n, m) => n + Math.round(Number(m.score) * 100), 0);
    expect(totalCents).toBe(2290 * 1281);
    expect(new Set(in2012.map((m) => m.organisationId)).size).toBe(1281);
    // Award participants have before/after pairs too.
    expect(data.indicator_measurement.some((m) => m.source.includes('nameting'))).toBe(true);
  });

  it('survey 2014: toolbox use per component and lifestyle intentions, one response per participant', () => {
    const agg = aggregate(data);
    const survey = data.survey.find((s) => s.key === 'nv-gezond-2014-dossier');
    expect(survey).toBeDefined();
    const questions = data.survey_question.filter((q) => q.surveyId === survey?.id);
    expect(
      questions
        .filter((q) => q.componentKey)
        .map((q) => q.componentKey)
        .sort(),
    ).toEqual(['leidraad-leefstijladvies', 'stappenplan-eigen-beleid', 'stappenplan-samenwerking']);
    expect(
      questions
        .filter((q) => q.kind === 'SCALE')
        .every((q) => q.options.min === 1 && q.options.max === 5),
    ).toBe(true);
    const participants2014 = agg.awardApps.filter(
      (a) => a.editionId === survey?.editionId && agg.firstAt(a.id, 'PARTICIPATED'),
    );
    const responses = data.survey_response.filter((r) => r.surveyId === survey?.id);
    expect(responses).toHaveLength(participants2014.length);
    expect(new Set(responses.map((r) => r.organisationId))).toEqual(
      new Set(participants2014.map((a) => a.organisationId)),
    );
    for (const r of responses) {
      for (const q of questions) expect(r.answers[q.key]).toBeDefined();
    }
  });

  it('demo organisations have stable ids and applications in both programmes', () => {
    expect(DEMO_COMPANY_ID).toBe(uuidFor(DEMO_COMPANY_ID_NAME));
    expect(DEMO_NETWORK_ID).toBe(uuidFor(DEMO_NETWORK_ID_NAME));
    const agg = aggregate(data);
    const company = data.organisation.find((o) => o.id === DEMO_COMPANY_ID);
    expect(company).toMatchObject({
      name: 'Bakkerij De Zonnebloem BV',
      kind: 'COMPANY',
      hasPreventionCommittee: false,
    });
    expect(company?.employeeCount).toBeLessThan(50);
    const apps = data.application.filter((a) => a.organisationId === DEMO_COMPANY_ID);
    const awardApp = apps.find((a) => a.programmeId === agg.award);
    const coachingApp = apps.find((a) => a.programmeId === agg.coaching);
    expect(awardApp?.registrationType).toBe('INDIVIDUAL');
    expect(agg.firstAt(awardApp?.id ?? '', 'PARTICIPATED')).toBeDefined();
    expect(
      localDay(agg.firstAt(coachingApp?.id ?? '', 'APPLIED') as Date).startsWith('2018-'),
    ).toBe(true);
    expect(agg.firstAt(coachingApp?.id ?? '', 'APPROVED')).toBeDefined();
    expect(agg.firstAt(coachingApp?.id ?? '', 'STARTED')).toBeDefined();
    expect(coachingApp?.coachId).toBeTruthy();

    const network = data.organisation.find((o) => o.id === DEMO_NETWORK_ID);
    expect(network).toMatchObject({ name: 'Bedrijvenvereniging Kortrijk-Noord', kind: 'NETWORK' });
    const groupApp = data.application.find((a) => a.organisationId === DEMO_NETWORK_ID);
    expect(groupApp?.registrationType).toBe('GROUP');
    expect(agg.membersOf.get(groupApp?.id ?? '')).toBeGreaterThanOrEqual(3);
    expect(data.organisation.filter((o) => o.name === company?.name)).toHaveLength(1);
  });
});

describe('registry and row shape', () => {
  it('every company has a valid, unique KBO number and a Flemish address', () => {
    const companies = data.organisation.filter((o) => o.kind === 'COMPANY');
    expect(companies.length).toBeGreaterThanOrEqual(2900);
    const kbos = data.organisation.map((o) => o.kboNumber).filter((k): k is string => k !== null);
    expect(new Set(kbos).size).toBe(kbos.length);
    for (const k of kbos) expect(isValidKbo(k), k).toBe(true);
    const provinces = new Set([
      'Antwerpen',
      'Limburg',
      'Oost-Vlaanderen',
      'Vlaams-Brabant',
      'West-Vlaanderen',
    ]);
    for (const c of companies) {
      expect(provinces.has(c.province ?? '')).toBe(true);
      expect(c.postalCode).toMatch(/^\d{4}$/);
      expect(c.naceSection).toMatch(/^[A-U]$/);
    }
    const small = companies.filter((c) => (c.employeeCount ?? 0) < 50).length / companies.length;
    expect(small).toBeGreaterThan(0.8);
    const committeeLarge = companies
      .filter((c) => c.sizeClass === 'LARGE')
      .every((c) => c.hasPreventionCommittee);
    expect(committeeLarge).toBe(true);
  });

  it('rows carry exactly the loader columns', () => {
    for (const table of TABLE_ORDER) {
      const expected = [...TABLE_COLUMNS[table]].sort();
      for (const row of data[table].slice(0, 50))
        expect(Object.keys(row).sort(), table).toEqual(expected);
    }
  });

  it('published figure rows: EXACT when the check starts with exact', () => {
    for (const f of data.published_figure) {
      const source = figures.find((x) => x.id === f.id);
      expect(f.check).toBe(source?.check.startsWith('exact') ? 'EXACT' : 'CLAIM');
      expect(f.checkRule).toBe(source?.check);
      if (typeof source?.value === 'number') expect(Number(f.valueNumber)).toBe(source.value);
      else expect(f.valueText).not.toBeNull();
    }
  });
});

describe('determinism and scale', () => {
  it('two generations give identical rows', () => {
    expect(generateAll()).toEqual(data);
  });

  it('scale 2 doubles the applications with the same kinds of rows, streamed in chunks', () => {
    let chunks = 0;
    let applications = 0;
    let events = 0;
    const kbos = new Set<string>();
    let invalid = 0;
    for (const chunk of generate({ scale: 2 })) {
      chunks++;
      applications += chunk.application?.length ?? 0;
      events += chunk.application_event?.length ?? 0;
      for (const o of chunk.organisation ?? []) {
        if (!o.kboNumber) continue;
        if (kbos.has(o.kboNumber) || !isValidKbo(o.kboNumber)) invalid++;
        kbos.add(o.kboNumber);
      }
    }
    expect(chunks).toBeGreaterThanOrEqual(2);
    expect(applications).toBe(2 * data.application.length);
    expect(events).toBe(2 * data.application_event.length);
    expect(invalid).toBe(0);
  });

  it('synthetic applications keep their events inside the same snapshot period', () => {
    const scaled = generateAll({ scale: 3 });
    const agg = aggregate(scaled);
    // Whole-week shifts within periods: the cumulative table scales exactly.
    expect(agg.cumulative('APPLIED', '2018-12-31')).toBe(3 * 140);
    expect(agg.cumulative('STARTED', '2019-07-31')).toBe(3 * 80);
    expect(agg.awardYear(2015)).toEqual({
      registrations: 3 * 37,
      dossiers: 3 * 22,
      companies: 3 * 132,
    });
  });
});

describe('health-policy scans', () => {
  it('ships the instrument: 25 items of 0–4 points over 8 domains, with suggestions', () => {
    expect(data.scan_instrument).toHaveLength(1);
    expect(data.scan_item).toHaveLength(25);
    expect(data.scan_item.reduce((a, i) => a + i.maxPoints, 0)).toBe(100);
    expect(data.scan_domain).toHaveLength(8);
    const components = new Set(data.programme_component.map((c) => c.key));
    for (const d of data.scan_domain) {
      expect(d.suggestions.length).toBeGreaterThan(0);
      for (const s of d.suggestions) expect(components.has(s.componentKey)).toBe(true);
    }
  });

  it('pairs baseline and follow-up scans with the award indicator measurements, within half a point', () => {
    const byId = new Map(data.indicator_measurement.map((m) => [m.id, m]));
    expect(data.health_policy_scan.length).toBeGreaterThanOrEqual(20);
    for (const s of data.health_policy_scan) {
      const m = byId.get(s.indicatorMeasurementId as string)!;
      expect(m.organisationId).toBe(s.organisationId);
      expect(s.submittedAt!.toISOString().slice(0, 10)).toBe(m.measuredOn);
      expect(Math.abs(Number(s.score) - Number(m.score))).toBeLessThanOrEqual(0.5);
      const points = Object.values(s.answers).reduce((a, b) => a + b, 0);
      expect(points).toBe(Number(s.score));
    }
    // The 2012 measurement keeps its published size: scans add no measurements.
    expect(data.indicator_measurement.filter((m) => m.measuredOn.startsWith('2012-'))).toHaveLength(
      1281,
    );
  });
});
