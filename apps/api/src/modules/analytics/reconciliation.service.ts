/**
 * Published figures next to what the row-level data give. Every computed value comes from the
 * analytics services (SQL over applications, events, spending…), never from the
 * published_figure table, which only supplies the figure to compare with.
 */
import type { DataSource } from 'typeorm';
import type { BudgetData } from './budget.service.js';
import { BudgetService } from './budget.service.js';
import { type ChannelPerformanceData, ChannelService } from './channel.service.js';
import { DropOffService } from './drop-off.service.js';
import type { FunnelData, FunnelQuery, FunnelSnapshotsData } from './funnel.model.js';
import { FunnelService } from './funnel.service.js';
import { LeadTimeService } from './lead-time.service.js';
import { ReAimService } from './re-aim.service.js';
import { loadProgramme } from './scope.js';

/** The figure as published (from the published_figure table). */
export interface PublishedFigureInput {
  id: string;
  period: string;
  /** Numbers as text ("258525"), else the published text. */
  value: string;
}

export interface ReconciliationData {
  figureId: string;
  /** Null when the data cannot compute this figure. */
  computedValue: string | null;
  /** Null when not computed. */
  matches: boolean | null;
  /** The query that computed it, in short. */
  computedBy: string | null;
}

interface Computed {
  value: string;
  matches: boolean;
  by: string;
}

const AWARD = 'nv-gezond';
const COACHING = 'gezondheidscoaches';
/** "Data through" date of the coaching answer (its last column: 2019 through July). */
const COACHING_DATA_DATE = '2019-07-31';
/** An outreach channel with "few" applications: fewer than this share of all applications. */
const FEW_APPLICATIONS_SHARE = 0.05;

const sameNumber = (computed: number, published: string) =>
  Math.abs(computed - Number(published)) < 0.005;
const euros = (cents: number) => cents / 100;
const num = (value: number, by: string, published: string): Computed => ({
  value: String(value),
  matches: sameNumber(value, published),
  by,
});

/** Memoised per reconciliation: each aggregate is queried once however many figures use it. */
class Aggregates {
  private readonly memo = new Map<string, Promise<unknown>>();
  constructor(private readonly ds: DataSource) {}

  private once<T>(key: string, run: () => Promise<T>): Promise<T> {
    let p = this.memo.get(key) as Promise<T> | undefined;
    if (!p) {
      p = run();
      this.memo.set(key, p);
    }
    return p;
  }

  funnel(query: FunnelQuery): Promise<FunnelData> {
    return this.once(`funnel:${JSON.stringify(query)}`, () =>
      new FunnelService(this.ds).funnel(query),
    );
  }

  snapshots(requested: string[]): Promise<FunnelSnapshotsData> {
    const dates = [...new Set(requested)].sort();
    return this.once(`snapshots:${dates.join(',')}`, () =>
      new FunnelService(this.ds).snapshots({ programmeKey: COACHING }, dates),
    );
  }

  budget(programmeKey: string, year: number | null): Promise<BudgetData> {
    return this.once(`budget:${programmeKey}:${year}`, () =>
      new BudgetService(this.ds).budget(programmeKey, year),
    );
  }

  channels(): Promise<ChannelPerformanceData> {
    return this.once('channels', () =>
      new ChannelService(this.ds).performance({ programmeKey: COACHING, asOf: COACHING_DATA_DATE }),
    );
  }

  leadTime() {
    return this.once('lead-time', () =>
      new LeadTimeService(this.ds).decisionLeadTime({
        programmeKey: COACHING,
        asOf: COACHING_DATA_DATE,
        withinDays: 14,
      }),
    );
  }

  dropOff() {
    return this.once('drop-off', () =>
      new DropOffService(this.ds).reasons({
        programmeKey: COACHING,
        stage: 'APPROVED',
        asOf: COACHING_DATA_DATE,
      }),
    );
  }

  reAim() {
    return this.once('re-aim', () => new ReAimService(this.ds).reAim(COACHING, null));
  }

  awardEditions() {
    return this.once('award-editions', () => loadProgramme(this.ds, AWARD, 'programmeKey'));
  }

  indicator2012(): Promise<{ n: number; mean: number | null }> {
    return this.once('indicator-2012', async () => {
      const [row] = await this.ds.query(
        `SELECT count(*)::int AS n, avg(score)::float8 AS mean FROM indicator_measurement
          WHERE measured_on >= '2012-01-01' AND measured_on < '2013-01-01'`,
      );
      return row as { n: number; mean: number | null };
    });
  }
}

type Rule = (
  m: RegExpMatchArray,
  figure: PublishedFigureInput,
  data: Aggregates,
) => Promise<Computed | null>;

const COACHING_STAGE_BY_METRIC: Record<string, { stage: string; exit?: boolean }> = {
  applications: { stage: 'APPLIED' },
  approved: { stage: 'APPROVED' },
  rejected: { stage: 'REJECTED', exit: true },
  started: { stage: 'STARTED' },
  completed: { stage: 'COMPLETED' },
};

const stepCount = (f: { steps: { stage: string; count: number }[] }, stage: string) =>
  f.steps.find((s) => s.stage === stage)?.count ?? 0;

/** How each published figure is computed, by figure id. */
const RULES: [RegExp, Rule][] = [
  [
    /^award-(\d{4})-(registrations|dossiers|companies)$/,
    async (m, fig, data) => {
      const year = Number(m[1]);
      const companies = m[2] === 'companies';
      const stage = m[2] === 'registrations' ? 'REGISTERED' : 'PARTICIPATED';
      const f = await data.funnel({
        programmeKey: AWARD,
        breakdownBy: ['EDITION'],
        unit: companies ? 'COMPANIES' : 'APPLICATIONS',
      });
      const group = f.groups.find((g) => g.key[0]?.key === String(year));
      const by = `funnel(input: { programmeKey: "${AWARD}", years: [${year}]${companies ? ', unit: COMPANIES' : ''} }) → ${stage}`;
      return num(group ? stepCount(group, stage) : 0, by, fig.value);
    },
  ],
  [
    /^award-(\d{4})-budget$/,
    async (m, fig, data) => {
      const year = Number(m[1]);
      const b = await data.budget(AWARD, year);
      return num(
        euros(b.allocatedCents),
        `budget(programmeKey: "${AWARD}", year: ${year}).allocatedCents / 100`,
        fig.value,
      );
    },
  ],
  [
    /^award-(\d{4})-ceremony$/,
    async (m, fig, data) => {
      const p = await data.awardEditions();
      const edition = p.editions.find((e) => e.year === Number(m[1]));
      if (!edition?.closesOn) return null;
      return {
        value: edition.closesOn,
        matches: edition.closesOn === fig.value,
        by: `programme(key: "${AWARD}") → edition ${m[1]} closesOn (the round closes at the ceremony)`,
      };
    },
  ],
  [
    /^coaches-budget-allocated$/,
    async (_m, fig, data) => {
      const b = await data.budget(COACHING, null);
      return num(
        euros(b.allocatedCents),
        `budget(programmeKey: "${COACHING}").allocatedCents / 100`,
        fig.value,
      );
    },
  ],
  [
    /^coaches-budget-used$/,
    async (_m, fig, data) => {
      const b = await data.budget(COACHING, null);
      return num(
        euros(b.spentCents),
        `budget(programmeKey: "${COACHING}").spentCents / 100`,
        fig.value,
      );
    },
  ],
  [
    /^coaches-budget-coach-fees$/,
    async (_m, fig, data) => {
      const b = await data.budget(COACHING, null);
      const fees = b.byCategory.find((c) => c.category === 'COACH_FEES')?.spentCents ?? 0;
      return num(
        euros(fees),
        `budget(programmeKey: "${COACHING}").byCategory[COACH_FEES].spentCents / 100`,
        fig.value,
      );
    },
  ],
  [
    /^coaches-count$/,
    async (_m, fig, data) => {
      const r = await data.reAim();
      return num(
        r.coachingCapacity?.coaches ?? 0,
        `reAim(programmeKey: "${COACHING}").coachingCapacity.coaches`,
        fig.value,
      );
    },
  ],
  [
    /^coaches-(\d{4})-(applications|approved|rejected|started|completed)$/,
    async (m, fig, data) => {
      const through = /through (\d{4}-\d{2}-\d{2})/.exec(fig.period)?.[1];
      const spec = COACHING_STAGE_BY_METRIC[m[2] as string];
      if (!through || !spec) return null;
      const s = await data.snapshots(['2017-12-31', '2018-12-31', COACHING_DATA_DATE, through]);
      const snap = s.snapshots.find((x) => x.at === through);
      const count =
        (spec.exit ? snap?.exits : snap?.steps)?.find((x) => x.stage === spec.stage)?.count ?? 0;
      return num(
        count,
        `funnelSnapshots(input: { programmeKey: "${COACHING}" }, at: ["${through}"]) → ${spec.stage}`,
        fig.value,
      );
    },
  ],
  [
    /^coaches-smes-used$/,
    async (_m, fig, data) => {
      const f = await data.funnel({
        programmeKey: COACHING,
        asOf: COACHING_DATA_DATE,
        unit: 'COMPANIES',
      });
      return num(
        stepCount(f, 'STARTED'),
        `funnel(input: { programmeKey: "${COACHING}", asOf: "${COACHING_DATA_DATE}", unit: COMPANIES }) → STARTED (companies with a started trajectory)`,
        fig.value,
      );
    },
  ],
  [
    /^coaches-small-used$/,
    async (_m, fig, data) => {
      const f = await data.funnel({
        programmeKey: COACHING,
        asOf: COACHING_DATA_DATE,
        unit: 'COMPANIES',
        breakdownBy: ['SIZE_CLASS'],
      });
      const small = f.groups
        .filter((g) => g.key[0]?.key === 'MICRO' || g.key[0]?.key === 'SMALL')
        .reduce((s, g) => s + stepCount(g, 'STARTED'), 0);
      return num(
        small,
        `funnel(input: { programmeKey: "${COACHING}", asOf: "${COACHING_DATA_DATE}", unit: COMPANIES, breakdownBy: [SIZE_CLASS] }) → STARTED of MICRO + SMALL (fewer than 50 employees)`,
        fig.value,
      );
    },
  ],
  [
    /^coaches-decision-lead-time$/,
    async (_m, fig, data) => {
      const t = await data.leadTime();
      const days = Number(fig.value);
      const share = t.shareWithin.value;
      return {
        value: `${share === null ? 'n/a' : (share * 100).toFixed(1)} % of ${t.decided} decided applications within ${t.withinDays} days (median ${t.medianDays} days)`,
        matches: share !== null && share > 0.5 && t.withinDays === days,
        by: `decisionLeadTime(programmeKey: "${COACHING}", asOf: "${COACHING_DATA_DATE}", withinDays: ${days}).shareWithin > 0.5`,
      };
    },
  ],
  [
    /^coaches-top-channel$/,
    async (_m, fig, data) => {
      const c = await data.channels();
      const top = c.channels[0];
      if (!top || top.applications === 0) return null;
      const firstWord = top.name.split(/[\s–-]/)[0]?.toLowerCase() ?? '';
      return {
        value: `${top.name} (${top.applications} of ${c.totalApplications} applications)`,
        matches: firstWord.length > 0 && fig.value.toLowerCase().includes(firstWord),
        by: `channelPerformance(input: { programmeKey: "${COACHING}", asOf: "${COACHING_DATA_DATE}" }) → rank 1`,
      };
    },
  ],
  [
    /^coaches-(\d{4})-campaign$/,
    async (m, fig, data) => {
      const year = Number(m[1]);
      const c = await data.channels();
      const only = c.channels.filter(
        (ch) => ch.campaignYears.length > 0 && ch.campaignYears.every((y) => y === year),
      );
      let published: unknown[] = [];
      try {
        published = JSON.parse(fig.value) as unknown[];
      } catch {
        published = [];
      }
      const few = only.every((ch) => (ch.share.value ?? 0) < FEW_APPLICATIONS_SHARE);
      return {
        value: only.map((ch) => `${ch.name} (${ch.applications} applications)`).join('; '),
        matches: only.length > 0 && only.length === published.length && few,
        by: `channelPerformance(input: { programmeKey: "${COACHING}", asOf: "${COACHING_DATA_DATE}" }) → channels whose campaigns all ran in ${year}, each under ${FEW_APPLICATIONS_SHARE * 100} % of applications`,
      };
    },
  ],
  [
    /^coaches-dropout-main-reason$/,
    async (_m, _fig, data) => {
      const d = await data.dropOff();
      const top = d.reasons.find((r) => r.reason !== null);
      if (!top) return null;
      return {
        value: `${top.reason} (${top.count} of ${d.left} approved applications that left before starting)`,
        matches: top.reason === 'TIME_INVESTMENT' || top.reason === 'OTHER_PRIORITIES',
        by: `dropOffReasons(programmeKey: "${COACHING}", stage: "APPROVED", asOf: "${COACHING_DATA_DATE}").topReason is TIME_INVESTMENT or OTHER_PRIORITIES`,
      };
    },
  ],
  [
    /^indicator-2012-(mean|n)$/,
    async (m, fig, data) => {
      const r = await data.indicator2012();
      if (r.n === 0) return null;
      const value = m[1] === 'n' ? r.n : Math.round((r.mean ?? 0) * 100) / 100;
      return num(
        value,
        `indicator measurements dated in 2012: ${m[1] === 'n' ? 'count' : 'mean score'}`,
        fig.value,
      );
    },
  ],
];

export class ReconciliationService {
  constructor(private readonly ds: DataSource) {}

  /** Computes every figure it has a rule for; the others come back with nulls. */
  async reconcile(
    figures: readonly PublishedFigureInput[],
  ): Promise<Map<string, ReconciliationData>> {
    const data = new Aggregates(this.ds);
    const entries = await Promise.all(
      figures.map(async (figure): Promise<[string, ReconciliationData]> => {
        for (const [pattern, rule] of RULES) {
          const m = pattern.exec(figure.id);
          if (!m) continue;
          const c = await rule(m, figure, data);
          if (c)
            return [
              figure.id,
              { figureId: figure.id, computedValue: c.value, matches: c.matches, computedBy: c.by },
            ];
        }
        return [
          figure.id,
          { figureId: figure.id, computedValue: null, matches: null, computedBy: null },
        ];
      }),
    );
    return new Map(entries);
  }
}
