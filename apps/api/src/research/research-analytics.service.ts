import { CELL_KEY_PROTECTION, compareProportions } from '@werkgezond/domain';
import type { DataSource } from 'typeorm';
import { badInput } from '../graphql/errors.js';
import { campaignYears } from '../modules/analytics/channel.service.js';
import { AggregateService } from './aggregate.service.js';
import { rateCell } from './cell-protection.js';
import type { DimensionCatalog } from './dimension-catalog.js';
import {
  type CubeAnchor,
  type CubeCell,
  type CubeProgramme,
  type CubeUnit,
  FunnelCube,
  loadCubeProgramme,
  S,
  WEEK_BUCKETS,
  WITHIN_DAYS,
} from './funnel-cube.js';
import { assertPopulation } from './population-guard.js';
import type { CountCell, RateCell, StatCell } from './research.types.js';
import type {
  ResearchChannel,
  ResearchChannelPerformance,
  ResearchChannelPerformanceInput,
  ResearchCohortComparison,
  ResearchCohortComparisonInput,
  ResearchDecisionLeadTime,
  ResearchDropOffReasons,
  ResearchFunnel,
  ResearchFunnelDimension,
  ResearchFunnelExit,
  ResearchFunnelFilter,
  ResearchFunnelInput,
  ResearchFunnelSnapshots,
  ResearchFunnelStep,
  ResearchGroupKey,
  ResearchProportionComparison,
  ResearchReasonCount,
  ResearchStageCount,
  ResearchUnit,
} from './research-analytics.types.js';
import { monthEnd } from './research-dates.js';
import {
  RESEARCH_DIMENSIONS,
  type ResearchDimension,
  type ResearchFilterValues,
} from './research-dimensions.js';
import { assertFilterSize, toFilterValues } from './research-filter.js';

export const TO_RESEARCH_DIMENSION: Readonly<Record<ResearchFunnelDimension, ResearchDimension>> = {
  EDITION: 'EDITION_YEAR',
  CHANNEL: 'CHANNEL',
  SIZE_CLASS: 'SIZE_CLASS',
  SECTOR: 'SECTOR',
  PROVINCE: 'PROVINCE',
  REGISTRATION_TYPE: 'REGISTRATION_TYPE',
  HAS_PREVENTION_COMMITTEE: 'COMMITTEE',
};

export const MAX_COHORTS = 6;
export const MAX_SNAPSHOT_DATES = 12;
const NONE = '-';

const count = (c: CubeCell): CountCell => ({
  value: c.value,
  suppressed: c.suppressed,
  reason: c.reason,
});
const derivedCount = (): CountCell => ({ value: null, suppressed: true, reason: 'DERIVED' });
const zeroCount = (): CountCell => ({ value: 0, suppressed: false, reason: null });
export const derivedStat = (): StatCell => ({ value: null, suppressed: true, reason: 'DERIVED' });
export const stat = (value: number | null): StatCell => ({
  value,
  suppressed: false,
  reason: null,
});

/** The sum of published counts, DERIVED when one is withheld. */
const sum = (cells: readonly CountCell[]): CountCell =>
  cells.every((c) => c.value !== null)
    ? { value: cells.reduce((s, c) => s + (c.value as number), 0), suppressed: false, reason: null }
    : derivedCount();

/**
 * a − b of two published counts, else DERIVED. Both carry their own noise, so the difference
 * is off by up to twice the maximum noise, and never shown below zero (no count is negative).
 */
const difference = (a: CountCell, b: CountCell): CountCell =>
  a.value === null || b.value === null
    ? derivedCount()
    : { value: Math.max(0, a.value - b.value), suppressed: false, reason: null };
/** Published counts are within this of the true ones (cell key perturbation). */
const NOISE = CELL_KEY_PROTECTION.maxNoise;

interface Prepared {
  programme: CubeProgramme;
  filter: ResearchFilterValues;
  years: number[] | null;
}

/**
 * The disclosure-safe analytics: each answer is read from a FunnelCube (funnel-cube.ts) for its
 * programme, filter and breakdown, after the filter passed the population guard.
 */
export class ResearchAnalyticsService {
  private readonly programmes = new Map<string, Promise<CubeProgramme>>();

  constructor(
    private readonly ds: DataSource,
    private readonly catalog: DimensionCatalog,
    private readonly threshold: number,
  ) {}

  private programme(key: string, field: string): Promise<CubeProgramme> {
    let p = this.programmes.get(key);
    if (!p) {
      p = loadCubeProgramme(this.ds, key, field);
      this.programmes.set(key, p);
    }
    return p;
  }

  /** Programme, validated filter (with the programme and years) and the population guard. */
  async prepare(
    programmeKey: string,
    years: readonly number[] | null | undefined,
    filter: ResearchFunnelFilter | null | undefined,
    field: string,
    programmeField = field ? `${field}.programmeKey` : 'programmeKey',
  ): Promise<Prepared> {
    const programme = await this.programme(programmeKey, programmeField);
    const at = (name: string) => (field ? `${field}.${name}` : name);
    for (const y of [...(years ?? []), ...(filter?.editions ?? [])]) {
      if (!programme.years.includes(y)) {
        throw badInput(
          `${programme.name} has no edition ${y} (editions: ${programme.years.join(', ')})`,
          years?.includes(y) ? at('years') : at('filter.editions'),
        );
      }
    }
    let editionYears = years?.length ? [...new Set(years)] : null;
    if (filter?.editions?.length) {
      editionYears = editionYears
        ? editionYears.filter((y) => filter.editions?.includes(y))
        : [...new Set(filter.editions)];
      if (editionYears.length === 0) {
        throw badInput(
          'years and filter.editions have no edition in common',
          at('filter.editions'),
        );
      }
    }
    const values = toFilterValues({
      programmes: [programme.key],
      editionYears,
      channels: filter?.channels,
      sizeClasses: filter?.sizeClasses,
      sectors: filter?.sectors,
      provinces: filter?.provinces,
      registrationTypes: filter?.registrationTypes,
      committee: filter?.hasPreventionCommittee,
    });
    await this.catalog.ensureLoaded(this.ds);
    assertFilterSize(values, at('filter'));
    this.catalog.validateFilter(values, at('filter'));
    await assertPopulation(this.ds, values, this.threshold, at('filter'));
    return { programme, filter: values, years: years?.length ? [...years] : null };
  }

  /**
   * The funnel cube of a question, anchored to what `aggregate` publishes about the same
   * population (by current stage and by the breakdown's levels), so the two can't be combined.
   */
  async cube(
    p: Prepared,
    breakdown: readonly ResearchFunnelDimension[] = [],
    dates: readonly (string | null)[] = [null],
  ) {
    const dims = RESEARCH_DIMENSIONS.filter((d) =>
      breakdown.map((b) => TO_RESEARCH_DIMENSION[b]).includes(d),
    );
    const aggregate = new AggregateService(this.ds, this.catalog, this.threshold);
    const anchors: CubeAnchor[] = [];
    for (let level = 0; level < 1 << dims.length; level++) {
      const levelDims = dims.filter((_, i) => level & (1 << i));
      for (const withStage of [true, false]) {
        const dimensions: ResearchDimension[] = withStage ? ['STAGE', ...levelDims] : levelDims;
        const answer = await aggregate.aggregate(['COMPANIES'], dimensions, p.filter);
        anchors.push({
          dimensions,
          groups: dimensions.length ? answer.groups : [answer.total],
        });
      }
    }
    return FunnelCube.load(
      this.ds,
      this.catalog,
      p.programme,
      p.filter,
      dims,
      this.threshold,
      anchors,
      dates,
    );
  }

  // -------------------------------------------------------------------------------------------
  // Building blocks

  /** Units that left at step k: the sum of its reason counts (programme level). */
  private leftAt(cube: FunnelCube, t: string | null, k: number, unit: CubeUnit): CountCell {
    if (cube.exitsFrom(k).length === 0) return zeroCount();
    return sum(
      cube.stepReasons(k).map((r) => count(cube.cell(t, cube.total, S.stepReason(k, r), unit))),
    );
  }

  private steps(
    cube: FunnelCube,
    t: string | null,
    coords: readonly (string | null)[],
    unit: CubeUnit,
    top = coords.every((c) => c === '*'),
  ): ResearchFunnelStep[] {
    const steps = cube.programme.steps;
    const reached = steps.map((s) => cube.cell(t, coords, S.reached(s.position), unit));
    const first = count(reached[0] as CubeCell);
    return steps.map((s, i) => {
      const cell = reached[i] as CubeCell;
      const c = count(cell);
      const prev = i > 0 ? count(reached[i - 1] as CubeCell) : null;
      const k = s.position;
      const exited = i === 0 ? null : top ? this.leftAt(cube, t, k - 1, unit) : derivedCount();
      let median: StatCell | null = null;
      let p90: StatCell | null = null;
      if (i > 0) {
        if (c.value === null || cell.companies < this.threshold) {
          median = derivedStat();
          p90 = derivedStat();
        } else {
          const p = cube.lags(t, coords, k);
          median = stat(p.median);
          p90 = stat(p.p90);
        }
      }
      return {
        stage: s.key,
        label: s.label,
        position: k,
        count: c,
        fromPrevious: prev ? rateCell(c, prev) : null,
        fromFirst: rateCell(c, first),
        dropOff: prev ? difference(prev, c) : null,
        exited: exited,
        inProgress: exited && prev ? difference(difference(prev, c), exited) : null,
        medianDaysFromPrevious: median,
        p90DaysFromPrevious: p90,
      };
    });
  }

  private exits(
    cube: FunnelCube,
    t: string | null,
    coords: readonly (string | null)[],
    unit: CubeUnit,
    top: boolean,
  ): ResearchFunnelExit[] {
    return cube.programme.exits.map((e) => {
      const total = count(cube.cell(t, coords, S.exit(e.key), unit));
      return {
        stage: e.key,
        label: e.label,
        count: total,
        reasons: top
          ? this.reasonCounts(
              cube
                .reasonsFor(e.key)
                .map((r) => [r, cube.cell(t, coords, S.exitReason(e.key, r), unit)]),
              total,
            )
          : [],
      };
    });
  }

  private reasonCounts(list: [string, CubeCell][], left: CountCell): ResearchReasonCount[] {
    return list
      .map(([reason, cell]) => {
        const c = count(cell);
        return { reason: reason === NONE ? null : reason, count: c, share: rateCell(c, left) };
      })
      .sort(
        (a, b) =>
          (b.count.value ?? -1) - (a.count.value ?? -1) ||
          String(a.reason).localeCompare(String(b.reason)),
      );
  }

  private groupKeys(
    cube: FunnelCube,
    requested: readonly ResearchFunnelDimension[],
  ): { coords: (string | null)[]; key: ResearchGroupKey[] }[] {
    return cube.groups(cube.fullLevel).map((g) => ({
      coords: g.coords,
      key: requested.map((d) => {
        const i = cube.dims.indexOf(TO_RESEARCH_DIMENSION[d]);
        const v = g.values[i];
        return { dimension: d, key: v?.key ?? null, label: v?.label ?? '' };
      }),
    }));
  }

  private stageCounts(
    cube: FunnelCube,
    t: string | null,
    coords: readonly (string | null)[],
    unit: CubeUnit,
  ): { steps: ResearchStageCount[]; exits: ResearchStageCount[] } {
    return {
      steps: cube.programme.steps.map((s) => ({
        stage: s.key,
        label: s.label,
        count: count(cube.cell(t, coords, S.reached(s.position), unit)),
      })),
      exits: cube.programme.exits.map((e) => ({
        stage: e.key,
        label: e.label,
        count: count(cube.cell(t, coords, S.exit(e.key), unit)),
      })),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Queries

  async funnel(input: ResearchFunnelInput): Promise<ResearchFunnel> {
    const breakdown = assertBreakdown(input.breakdownBy, 'input.breakdownBy');
    const asOf = input.asOf == null ? null : monthEnd(input.asOf, 'input.asOf');
    const p = await this.prepare(input.programmeKey, input.years, input.filter, 'input');
    const unit = input.unit ?? 'APPLICATIONS';
    const cube = await this.cube(p, breakdown, [asOf]);
    const all = cube.total;
    return {
      programmeKey: p.programme.key,
      programmeName: p.programme.name,
      unit,
      asOf,
      years: p.years,
      breakdownBy: breakdown,
      threshold: this.threshold,
      protection: CELL_KEY_PROTECTION,
      referenceDates: p.programme.references,
      steps: this.steps(cube, asOf, all, unit),
      exits: this.exits(cube, asOf, all, unit, true),
      groups: breakdown.length
        ? this.groupKeys(cube, breakdown).map((g) => ({
            key: g.key,
            steps: this.steps(cube, asOf, g.coords, unit),
            exits: this.exits(cube, asOf, g.coords, unit, false),
          }))
        : [],
    };
  }

  async snapshots(
    input: ResearchFunnelInput,
    at: readonly Date[],
  ): Promise<ResearchFunnelSnapshots> {
    if (at.length === 0) throw badInput('Give at least one date', 'at');
    if (at.length > MAX_SNAPSHOT_DATES) {
      throw badInput(`At most ${MAX_SNAPSHOT_DATES} dates per request`, 'at');
    }
    if (input.asOf != null) {
      throw badInput('Snapshots take their dates from `at`; leave asOf empty', 'input.asOf');
    }
    const dates = [...new Set(at.map((d) => monthEnd(d, 'at')))].sort();
    const breakdown = assertBreakdown(input.breakdownBy, 'input.breakdownBy');
    const p = await this.prepare(input.programmeKey, input.years, input.filter, 'input');
    const unit = input.unit ?? 'APPLICATIONS';
    const cube = await this.cube(p, breakdown, dates);
    const all = cube.total;
    const groups = breakdown.length ? this.groupKeys(cube, breakdown) : [];
    return {
      programmeKey: p.programme.key,
      unit,
      years: p.years,
      breakdownBy: breakdown,
      threshold: this.threshold,
      protection: CELL_KEY_PROTECTION,
      snapshots: dates.map((date) => ({
        at: date,
        reference: cube.resolve(date).reference,
        ...this.stageCounts(cube, date, all, unit),
        groups: groups.map((g) => ({
          key: g.key,
          ...this.stageCounts(cube, date, g.coords, unit),
        })),
      })),
    };
  }

  async cohortComparison(input: ResearchCohortComparisonInput): Promise<ResearchCohortComparison> {
    const cohorts = input.cohorts ?? [];
    if (cohorts.length === 0) throw badInput('Give at least one cohort', 'input.cohorts');
    if (cohorts.length > MAX_COHORTS) {
      throw badInput(`At most ${MAX_COHORTS} cohorts per comparison`, 'input.cohorts');
    }
    const labels = cohorts.map((c, i) => {
      const label = c.label?.trim() ?? '';
      if (!label || label.length > 60) {
        throw badInput(
          'Every cohort needs a label (at most 60 characters)',
          `input.cohorts[${i}].label`,
        );
      }
      return label;
    });
    if (new Set(labels).size !== labels.length) {
      throw badInput('Cohort labels must be unique', 'input.cohorts');
    }
    const baseline = input.baseline?.trim() || (labels[0] as string);
    if (!labels.includes(baseline)) {
      throw badInput(`Baseline "${baseline}" is not one of the cohorts`, 'input.baseline');
    }
    const minGroup = Math.max(this.threshold, input.minGroupSize ?? this.threshold);
    const asOf = input.asOf == null ? null : monthEnd(input.asOf, 'input.asOf');
    const unit = input.unit ?? 'APPLICATIONS';
    const results: { label: string; steps: ResearchFunnelStep[] }[] = [];
    for (const [i, c] of cohorts.entries()) {
      const p = await this.prepare(
        input.programmeKey,
        input.years,
        c.filter,
        `input.cohorts[${i}]`,
        'input.programmeKey',
      );
      const cube = await this.cube(p, [], [asOf]);
      results.push({ label: labels[i] as string, steps: this.steps(cube, asOf, [], unit) });
    }
    const base = results[labels.indexOf(baseline)] as (typeof results)[number];
    const compare = (
      x1: CountCell,
      n1: CountCell,
      x2: CountCell,
      n2: CountCell,
    ): ResearchProportionComparison => {
      if ([x1, n1, x2, n2].some((c) => c.value === null)) {
        return {
          cohortRate: null,
          baselineRate: null,
          difference: null,
          pValue: null,
          test: null,
          tooSmall: null,
          suppressed: true,
          reason: 'DERIVED',
        };
      }
      const [a, b, c, d] = [x1, n1, x2, n2].map((v) => v.value as number) as [
        number,
        number,
        number,
        number,
      ];
      const r = compareProportions(a, b, c, d, { minGroup });
      return {
        cohortRate: b > 0 ? a / b : null,
        baselineRate: d > 0 ? c / d : null,
        difference: r.difference,
        pValue: r.pValue,
        test: r.test,
        tooSmall: r.tooSmall,
        suppressed: false,
        reason: null,
      };
    };
    return {
      programmeKey: input.programmeKey,
      unit,
      asOf,
      baseline,
      minGroupSize: minGroup,
      threshold: this.threshold,
      protection: CELL_KEY_PROTECTION,
      cohorts: results.map((r) => ({
        label: r.label,
        isBaseline: r.label === baseline,
        steps: r.steps,
        comparisons:
          r.label === baseline
            ? null
            : r.steps.map((step, i) => {
                const b = base.steps[i] as ResearchFunnelStep;
                if (i === 0) {
                  return {
                    stage: step.stage,
                    label: step.label,
                    fromPrevious: null,
                    fromFirst: null,
                  };
                }
                const prev = r.steps[i - 1] as ResearchFunnelStep;
                const basePrev = base.steps[i - 1] as ResearchFunnelStep;
                const first = r.steps[0] as ResearchFunnelStep;
                const baseFirst = base.steps[0] as ResearchFunnelStep;
                return {
                  stage: step.stage,
                  label: step.label,
                  fromPrevious: compare(step.count, prev.count, b.count, basePrev.count),
                  fromFirst: compare(step.count, first.count, b.count, baseFirst.count),
                };
              }),
      })),
    };
  }

  async channelPerformance(
    input: ResearchChannelPerformanceInput,
  ): Promise<ResearchChannelPerformance> {
    const asOf = input.asOf == null ? null : monthEnd(input.asOf, 'input.asOf');
    const p = await this.prepare(input.programmeKey, input.years, input.filter, 'input');
    const unit = input.unit ?? 'APPLICATIONS';
    const cube = await this.cube(p, ['CHANNEL'], [asOf]);
    const campaigns: {
      key: string;
      name: string;
      kind: string;
      campaigns: { startsOn: string; endsOn: string; costCents: number | string }[];
    }[] = await this.ds.query(
      `SELECT c.key, c.name, c.kind::text AS kind,
              COALESCE(json_agg(json_build_object('startsOn', k.starts_on, 'endsOn', k.ends_on,
                         'costCents', k.cost_cents)) FILTER (WHERE k.id IS NOT NULL), '[]') AS campaigns
         FROM outreach_channel c
         LEFT JOIN campaign k ON k.channel_id = c.id AND k.programme_id = $1
              AND ($2::date IS NULL OR k.starts_on <= $2::date)
              AND ($3::int[] IS NULL OR extract(year FROM k.starts_on)::int = ANY($3::int[]))
        GROUP BY c.id, c.key, c.name, c.kind`,
      [p.programme.id, asOf, p.years],
    );
    const meta = new Map(campaigns.map((c) => [c.key, c]));
    const totalCell = count(cube.cell(asOf, ['*'], S.reached(1), unit));
    const channels: ResearchChannel[] = this.groupKeys(cube, ['CHANNEL']).map((g) => {
      const key = g.coords[0] ?? null;
      const m = key === null ? undefined : meta.get(key);
      const costCents = (m?.campaigns ?? []).reduce((s, k) => s + Number(k.costCents), 0);
      const first = count(cube.cell(asOf, g.coords, S.reached(1), unit));
      return {
        key,
        name: g.key[0]?.label ?? '',
        kind: m?.kind ?? null,
        rank: null,
        rankCertain: false,
        applications: first,
        share: rateCell(first, totalCell),
        steps: cube.programme.steps.map((s) => {
          const c = count(cube.cell(asOf, g.coords, S.reached(s.position), unit));
          return {
            stage: s.key,
            label: s.label,
            count: c,
            fromFirst: rateCell(c, first),
            costPerUnitCents:
              c.value === null
                ? derivedStat()
                : stat(costCents > 0 && c.value > 0 ? Math.round(costCents / c.value) : null),
          };
        }),
        costCents,
        campaignYears: campaignYears(m?.campaigns ?? []),
      };
    });
    const published = channels.filter((c) => c.applications.value !== null);
    const publishedSum = published.reduce((s, c) => s + (c.applications.value as number), 0);
    // Every published count is within NOISE of the truth: the withheld channels hold at most
    // the total's upper bound minus the published counts' lower bounds.
    const hiddenMax =
      totalCell.value === null
        ? null
        : totalCell.value + NOISE - (publishedSum - NOISE * published.length);
    const value = (c: ResearchChannel) => c.applications.value as number;
    published
      .sort((a, b) => value(b) - value(a) || a.name.localeCompare(b.name, 'nl'))
      .forEach((c, i, list) => {
        c.rank = i + 1;
        // Certain: larger than the withheld channels together, and than every channel ranked
        // after it whatever the noise.
        const next = list[i + 1];
        c.rankCertain =
          hiddenMax !== null &&
          value(c) - NOISE > hiddenMax &&
          (next === undefined || value(c) - NOISE > value(next) + NOISE);
      });
    const withheld = channels
      .filter((c) => c.applications.value === null)
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    return {
      programmeKey: p.programme.key,
      unit,
      asOf,
      years: p.years,
      attribution: 'FIRST_TOUCH',
      threshold: this.threshold,
      protection: CELL_KEY_PROTECTION,
      totalApplications: totalCell,
      channels: [...published, ...withheld],
    };
  }

  async decisionLeadTime(args: {
    programmeKey: string;
    years: number[] | null;
    asOf: Date | null;
    withinDays: number;
    bucketDays: number;
    filter: ResearchFunnelFilter | null;
  }): Promise<ResearchDecisionLeadTime> {
    if (args.bucketDays !== 7) {
      throw badInput(
        'The research API buckets lead times by week: bucketDays must be 7',
        'bucketDays',
      );
    }
    if (!WITHIN_DAYS.includes(args.withinDays)) {
      throw badInput(
        `withinDays must be a whole number of weeks in days: ${WITHIN_DAYS.join(', ')}`,
        'withinDays',
      );
    }
    const asOf = args.asOf == null ? null : monthEnd(args.asOf, 'asOf');
    const p = await this.prepare(args.programmeKey, args.years, args.filter, '');
    if (p.programme.steps.length < 2) {
      throw badInput(`${p.programme.name} has no decision step`, 'programmeKey');
    }
    const cube = await this.cube(p, [], [asOf]);
    const unit: CubeUnit = 'APPLICATIONS';
    const decidedCell = cube.cell(asOf, [], S.decided, unit);
    const decided = count(decidedCell);
    const weeks = Array.from({ length: WEEK_BUCKETS }, (_, w) =>
      count(cube.cell(asOf, [], S.week(w), unit)),
    );
    // Within n days = the first n / 7 weeks: published when each of them is.
    const firstWeeks = weeks.slice(0, args.withinDays / 7);
    const within: CountCell = firstWeeks.every((w) => w.value !== null)
      ? {
          value: firstWeeks.reduce((s, w) => s + (w.value as number), 0),
          suppressed: false,
          reason: null,
        }
      : derivedCount();
    const second = p.programme.steps[1] as { key: string };
    const rejected = p.programme.exits.filter((e) => e.key === 'REJECTED').map((e) => e.key);
    const shown = decided.value !== null && decidedCell.companies >= this.threshold;
    const pct = shown ? cube.leadTimes(asOf) : null;
    return {
      programmeKey: p.programme.key,
      asOf,
      years: p.years,
      threshold: this.threshold,
      protection: CELL_KEY_PROTECTION,
      decisionStages: [second.key, ...rejected],
      decided,
      // Still at the first step: reached it, not the second, not left (all exits at step 1).
      pending: difference(
        difference(
          count(cube.cell(asOf, [], S.reached(1), unit)),
          count(cube.cell(asOf, [], S.reached(2), unit)),
        ),
        this.leftAt(cube, asOf, 1, unit),
      ),
      medianDays: pct ? stat(pct.median) : derivedStat(),
      p90Days: pct ? stat(pct.p90) : derivedStat(),
      withinDays: args.withinDays,
      decidedWithin: within,
      shareWithin: rateCell(within, decided),
      histogram: Array.from({ length: WEEK_BUCKETS }, (_, w) => ({
        fromDays: w === 0 ? 0 : 7 * w + 1,
        toDays: w === WEEK_BUCKETS - 1 ? null : 7 * (w + 1),
        count: weeks[w] as CountCell,
      })),
    };
  }

  async dropOffReasons(args: {
    programmeKey: string;
    stage: string;
    years: number[] | null;
    asOf: Date | null;
    unit: ResearchUnit;
    filter: ResearchFunnelFilter | null;
  }): Promise<ResearchDropOffReasons> {
    const asOf = args.asOf == null ? null : monthEnd(args.asOf, 'asOf');
    const p = await this.prepare(args.programmeKey, args.years, args.filter, '');
    const { programme } = p;
    const step = programme.steps.find((s) => s.key === args.stage);
    const exit = programme.exits.find((e) => e.key === args.stage);
    if (!step && !exit) {
      const known = [...programme.steps, ...programme.exits].map((s) => s.key).join(', ');
      throw badInput(
        `Unknown stage "${args.stage}" for ${programme.name} (stages: ${known})`,
        'stage',
      );
    }
    const cube = await this.cube(p, [], [asOf]);
    const unit = args.unit;
    const cell = (series: string) => count(cube.cell(asOf, [], series, unit));
    const base = {
      programmeKey: programme.key,
      unit,
      asOf,
      years: p.years,
      threshold: this.threshold,
      protection: CELL_KEY_PROTECTION,
    };
    if (step) {
      const k = step.position;
      const exits = cube.exitsFrom(k);
      const left = this.leftAt(cube, asOf, k, unit);
      const reasons = this.reasonCounts(
        cube.stepReasons(k).map((r) => [r, cube.cell(asOf, [], S.stepReason(k, r), unit)]),
        left,
      );
      const next = programme.steps.find((s) => s.position === k + 1);
      const atStage = next
        ? difference(cell(S.reached(k)), cell(S.reached(k + 1)))
        : cell(S.reached(k));
      // An exit nobody took at all is 0 here too; when only one exit is left, it is all of `left`.
      const none = (key: string) => cell(S.exit(key)).value === 0;
      const possible = exits.filter((e) => !none(e.key));
      return {
        ...base,
        stage: step.key,
        label: step.label,
        kind: 'STEP',
        atStage,
        left,
        stillInProgress: difference(atStage, left),
        exits: exits.map((e) => ({
          stage: e.key,
          label: e.label,
          count: none(e.key) ? zeroCount() : possible.length === 1 ? left : derivedCount(),
        })),
        reasons,
        ...topReasonFields(reasons, left, this.threshold),
      };
    }
    const e = exit as NonNullable<typeof exit>;
    const left = cell(S.exit(e.key));
    const reasons = this.reasonCounts(
      cube.reasonsFor(e.key).map((r) => [r, cube.cell(asOf, [], S.exitReason(e.key, r), unit)]),
      left,
    );
    return {
      ...base,
      stage: e.key,
      label: e.label,
      kind: 'EXIT',
      atStage: null,
      left,
      stillInProgress: null,
      exits: [{ stage: e.key, label: e.label, count: left }],
      reasons,
      ...topReasonFields(reasons, left, this.threshold),
    };
  }
}

function topReasonFields(
  reasons: readonly ResearchReasonCount[],
  left: CountCell,
  threshold: number,
) {
  const { top, candidates } = topReasons(reasons, left, threshold);
  return { topReason: top, topReasonCandidates: candidates };
}

/**
 * The reason codes that can be the most frequent, given what is published: the published ones
 * with the highest count, and every withheld one that could reach it (a FREQUENCY cell holds
 * fewer than the threshold; another withheld cell at most what `left` leaves over, or anything
 * when `left` is withheld too). `top` is the single candidate when there is one.
 */
function topReasons(
  reasons: readonly ResearchReasonCount[],
  left: CountCell,
  threshold: number,
): { top: string | null; candidates: string[] } {
  const coded = reasons.filter((r) => r.reason !== null);
  const published = coded.filter((r) => r.count.value !== null);
  // Published counts are within NOISE of the truth: compare bounds, not the values shown.
  const max = Math.max(0, ...published.map((r) => r.count.value as number));
  const maxLower = Math.max(0, max - NOISE);
  const shown = reasons.filter((r) => r.count.value !== null);
  const rest =
    left.value === null
      ? Number.POSITIVE_INFINITY
      : left.value +
        NOISE -
        shown.reduce((s, r) => s + Math.max(0, (r.count.value as number) - NOISE), 0);
  const candidates = coded
    .filter((r) => {
      if (r.count.value !== null) return max > 0 && r.count.value + NOISE >= maxLower;
      const bound = r.count.reason === 'FREQUENCY' ? Math.min(threshold - 1, rest) : rest;
      return bound >= maxLower && bound > 0;
    })
    .map((r) => r.reason as string)
    .sort();
  const only = candidates.length === 1 ? (candidates[0] as string) : null;
  return {
    top: only && published.some((r) => r.reason === only) ? only : null,
    candidates,
  };
}

export function assertBreakdown(
  breakdown: readonly ResearchFunnelDimension[] | null | undefined,
  field: string,
): ResearchFunnelDimension[] {
  const list = [...(breakdown ?? [])];
  if (list.length > 2) throw badInput('Break down by at most two dimensions', field);
  if (new Set(list).size !== list.length) throw badInput('A dimension appears twice', field);
  return list;
}

export type { RateCell };
