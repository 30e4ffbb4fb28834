import { compareProportions } from '@werkgezond/domain';
import type { DataSource } from 'typeorm';
import { badInput } from '../../graphql/errors.js';
import type { DimensionFilter, FunnelDimension, FunnelUnit } from '../../semantic/dimensions.js';
import type { FunnelSource, FunnelStepData } from './funnel.model.js';
import { FunnelService, type FunnelServiceOptions } from './funnel.service.js';
import type { Statement } from './funnel.sql.js';
import {
  assertAsOf,
  editionIdsForYears,
  filteredDimensions,
  loadProgramme,
  PROGRAMME_META_SQL,
  programmeMetaParams,
  toIsoDate,
} from './scope.js';

export interface CohortQuery {
  label: string;
  filter?: DimensionFilter | null;
}

export interface CohortComparisonQuery {
  programmeKey: string;
  cohorts: readonly CohortQuery[];
  /** Label of the cohort the others are compared with; the first cohort when omitted. */
  baseline?: string | null;
  years?: readonly number[] | null;
  asOf?: Date | string | null;
  unit?: FunnelUnit | null;
  /** Groups smaller than this are flagged too small to conclude (default 10). */
  minGroupSize?: number | null;
}

export interface ProportionComparisonData {
  cohortRate: number | null;
  baselineRate: number | null;
  /** cohort rate − baseline rate. */
  difference: number | null;
  pValue: number;
  /** FISHER unless every expected count is at least 5 (then CHI_SQUARE). */
  test: 'FISHER' | 'CHI_SQUARE';
  tooSmall: boolean;
}

export interface StepComparisonData {
  stage: string;
  label: string;
  /** Conversion from the previous step, against the baseline's. Null for the first step. */
  fromPrevious: ProportionComparisonData | null;
  /** Conversion from the first step, against the baseline's. Null for the first step. */
  fromFirst: ProportionComparisonData | null;
}

export interface CohortResultData {
  label: string;
  isBaseline: boolean;
  units: number;
  steps: FunnelStepData[];
  /** Null for the baseline itself. */
  comparisons: StepComparisonData[] | null;
  computedFrom: FunnelSource;
}

export interface CohortComparisonData {
  programmeKey: string;
  unit: FunnelUnit;
  asOf: string | null;
  baseline: string;
  minGroupSize: number;
  cohorts: CohortResultData[];
}

const MAX_COHORTS = 12;

export function compare(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  minGroup: number,
): ProportionComparisonData {
  const c = compareProportions(x1, n1, x2, n2, { minGroup });
  return {
    cohortRate: n1 > 0 ? x1 / n1 : null,
    baselineRate: n2 > 0 ? x2 / n2 : null,
    difference: c.difference,
    pValue: c.pValue,
    test: c.test,
    tooSmall: c.tooSmall,
  };
}

/** Each step of a cohort against the same step of the baseline. */
export function compareSteps(
  cohort: readonly FunnelStepData[],
  baseline: readonly FunnelStepData[],
  minGroup: number,
): StepComparisonData[] {
  const first = (steps: readonly FunnelStepData[]) => steps[0]?.count ?? 0;
  return cohort.map((step, i) => {
    const base = baseline[i]!;
    if (i === 0)
      return { stage: step.stage, label: step.label, fromPrevious: null, fromFirst: null };
    const prev = cohort[i - 1]!.count;
    const basePrev = baseline[i - 1]!.count;
    return {
      stage: step.stage,
      label: step.label,
      fromPrevious: compare(step.count, prev, base.count, basePrev, minGroup),
      fromFirst: compare(step.count, first(cohort), base.count, first(baseline), minGroup),
    };
  });
}

/**
 * Funnel rates per cohort (each cohort is a filter), and per step the difference to the
 * baseline with an exact or chi-square p-value. One funnel statement per cohort.
 */
export class CohortService {
  private readonly funnels: FunnelService;

  constructor(
    private readonly ds: DataSource,
    options: FunnelServiceOptions = {},
  ) {
    this.funnels = new FunnelService(ds, options);
  }

  /** Validates the comparison; one funnel scope per cohort. */
  private async prepare(query: CohortComparisonQuery, field: string) {
    const cohorts = query.cohorts ?? [];
    if (cohorts.length === 0) throw badInput('Give at least one cohort', `${field}.cohorts`);
    if (cohorts.length > MAX_COHORTS) {
      throw badInput(`At most ${MAX_COHORTS} cohorts per comparison`, `${field}.cohorts`);
    }
    const labels = cohorts.map((c, i) => {
      const label = c.label?.trim() ?? '';
      if (!label) throw badInput('Every cohort needs a label', `${field}.cohorts[${i}].label`);
      return label;
    });
    if (new Set(labels).size !== labels.length)
      throw badInput('Cohort labels must be unique', `${field}.cohorts`);
    const baseline = query.baseline?.trim() || labels[0]!;
    if (!labels.includes(baseline)) {
      throw badInput(
        `Baseline "${baseline}" is not one of the cohorts (${labels.join(', ')})`,
        `${field}.baseline`,
      );
    }
    const minGroup = query.minGroupSize ?? 10;
    if (!Number.isInteger(minGroup) || minGroup < 1 || minGroup > 10_000) {
      throw badInput(
        'minGroupSize must be a whole number from 1 to 10000',
        `${field}.minGroupSize`,
      );
    }
    const asOf = query.asOf == null ? null : toIsoDate(query.asOf, `${field}.asOf`);
    const dims = new Set<FunnelDimension>(cohorts.flatMap((c) => filteredDimensions(c.filter)));
    const programme = await loadProgramme(this.ds, query.programmeKey, `${field}.programmeKey`, {
      asOf,
      channels: dims.has('CHANNEL'),
      serviceProviders: dims.has('SERVICE_PROVIDER'),
    });
    // Shared arguments are checked once, so their errors name the shared field.
    assertAsOf(programme, asOf, `${field}.asOf`);
    editionIdsForYears(programme, query.years, `${field}.years`);
    const scopes = [];
    for (const [i, c] of cohorts.entries()) {
      scopes.push(
        await this.funnels.scopeWith(
          programme,
          { years: query.years, asOf, unit: query.unit, filter: c.filter },
          `${field}.cohorts[${i}]`,
        ),
      );
    }
    return { programme, labels, baseline, minGroup, asOf, scopes };
  }

  async compare(query: CohortComparisonQuery, field = 'input'): Promise<CohortComparisonData> {
    const { programme, labels, baseline, minGroup, asOf, scopes } = await this.prepare(
      query,
      field,
    );
    const results = await Promise.all(scopes.map((s) => this.funnels.run(this.funnels.plan(s))));
    const base = results[labels.indexOf(baseline)]!;
    return {
      programmeKey: programme.key,
      unit: scopes[0]!.unit,
      asOf,
      baseline,
      minGroupSize: minGroup,
      cohorts: results.map((r, i) => ({
        label: labels[i]!,
        isBaseline: labels[i] === baseline,
        units: r.units,
        steps: r.steps,
        comparisons: labels[i] === baseline ? null : compareSteps(r.steps, base.steps, minGroup),
        computedFrom: r.computedFrom,
      })),
    };
  }

  /** The statements a comparison runs (programme metadata, then one per cohort): for benchmarks. */
  async statements(query: CohortComparisonQuery): Promise<{ meta: Statement; mains: Statement[] }> {
    const { programme, scopes } = await this.prepare(query, 'input');
    const dims = new Set<FunnelDimension>(
      query.cohorts.flatMap((c) => filteredDimensions(c.filter)),
    );
    return {
      meta: {
        sql: PROGRAMME_META_SQL,
        params: programmeMetaParams(programme.key, {
          asOf: scopes[0]?.asOf ?? null,
          channels: dims.has('CHANNEL'),
          serviceProviders: dims.has('SERVICE_PROVIDER'),
        }),
      },
      mains: scopes.map((s) => this.funnels.plan(s).statement),
    };
  }
}
