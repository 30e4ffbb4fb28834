import { GraphQLDate } from 'graphql-scalars';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { WEEK_BUCKETS } from './funnel-cube.js';
import { type ResearchContext, withinDeadline } from './research.context.js';
import { MAX_COHORTS, ResearchAnalyticsService } from './research-analytics.service.js';
import {
  ResearchChannelPerformance,
  ResearchChannelPerformanceInput,
  ResearchCohortComparison,
  ResearchCohortComparisonInput,
  ResearchDecisionLeadTime,
  ResearchDropOffReasons,
  ResearchFunnel,
  ResearchFunnelFilter,
  ResearchFunnelInput,
  ResearchFunnelSnapshots,
  type ResearchUnit,
  ResearchUnitEnum,
} from './research-analytics.types.js';
import { channelCost, funnelCost, groupsCost } from './research-cost.js';

const service = (ctx: ResearchContext) =>
  new ResearchAnalyticsService(ctx.dataSource, ctx.catalog, ctx.config.minCell);

/** Reason codes an answer can list (drop-off and rejection codes, plus "none recorded"). */
const REASON_GROUPS = 10;

/**
 * The analytics of the evaluator API, disclosure-safe (see funnel-cube.ts). Same names and
 * arguments as on /graphql, with month ends for dates and protected cells for every number.
 */
@Resolver()
export class ResearchAnalyticsResolver {
  @Query(() => ResearchFunnel, {
    description:
      'Funnel of a programme at a month end: cumulative counts per step, conversion, drop-off, ' +
      'exits with the step they left from and reason codes; optionally per breakdown group (at ' +
      'most two dimensions, complete table). Cost: 1 + the number of groups.',
    complexity: funnelCost(),
  })
  funnel(
    @Arg('input', () => ResearchFunnelInput) input: ResearchFunnelInput,
    @Ctx() ctx: ResearchContext,
  ): Promise<ResearchFunnel> {
    return withinDeadline(ctx, () => service(ctx).funnel(input));
  }

  @Query(() => ResearchFunnelSnapshots, {
    description:
      'Cumulative counts per step and exit at several month ends (e.g. the year ends of a ' +
      'parliamentary answer). Cost: 1 + groups × dates.',
    complexity: funnelCost((args) => (Array.isArray(args.at) ? args.at.length : 1)),
  })
  funnelSnapshots(
    @Arg('input', () => ResearchFunnelInput) input: ResearchFunnelInput,
    @Arg('at', () => [GraphQLDate], { description: 'Month ends, at most 12.' }) at: Date[],
    @Ctx() ctx: ResearchContext,
  ): Promise<ResearchFunnelSnapshots> {
    return withinDeadline(ctx, () => service(ctx).snapshots(input, at));
  }

  @Query(() => ResearchCohortComparison, {
    description:
      'Funnel rates per cohort (a filter each, every one under the population guard) and, per ' +
      "step, the difference to the baseline with a p-value (Fisher's exact test, or chi-square " +
      'when every expected count is at least 5). Cost: 1 + the number of cohorts.',
    complexity: funnelCost((args) =>
      Math.min(MAX_COHORTS, ((args.input as { cohorts?: unknown[] })?.cohorts ?? []).length),
    ),
  })
  cohortComparison(
    @Arg('input', () => ResearchCohortComparisonInput) input: ResearchCohortComparisonInput,
    @Ctx() ctx: ResearchContext,
  ): Promise<ResearchCohortComparison> {
    return withinDeadline(ctx, () => service(ctx).cohortComparison(input));
  }

  @Query(() => ResearchChannelPerformance, {
    description:
      'Per outreach channel (first touch): funnel counts, share, campaign cost and cost per ' +
      'unit. Cost: 1 + the number of channels.',
    complexity: channelCost(),
  })
  channelPerformance(
    @Arg('input', () => ResearchChannelPerformanceInput) input: ResearchChannelPerformanceInput,
    @Ctx() ctx: ResearchContext,
  ): Promise<ResearchChannelPerformance> {
    return withinDeadline(ctx, () => service(ctx).channelPerformance(input));
  }

  @Query(() => ResearchDecisionLeadTime, {
    description:
      'Days from application to decision (approval or rejection): decided, pending, median, ' +
      'p90, share decided within N days, weekly histogram. Cost: 1 + 13 buckets.',
    complexity: groupsCost(WEEK_BUCKETS),
  })
  decisionLeadTime(
    @Arg('programmeKey', () => String) programmeKey: string,
    @Arg('years', () => [Int], { nullable: true }) years: number[] | null,
    @Arg('asOf', () => GraphQLDate, { nullable: true, description: 'A month end.' })
    asOf: Date | null,
    @Arg('withinDays', () => Int, {
      nullable: true,
      defaultValue: 14,
      description: 'A multiple of 7 from 7 to 84 (whole weeks, so it sums histogram buckets).',
    })
    withinDays: number,
    @Arg('bucketDays', () => Int, {
      nullable: true,
      defaultValue: 7,
      description: 'Only 7: the buckets are fixed weeks, so no two answers can be differenced.',
    })
    bucketDays: number,
    @Arg('filter', () => ResearchFunnelFilter, { nullable: true })
    filter: ResearchFunnelFilter | null,
    @Ctx() ctx: ResearchContext,
  ): Promise<ResearchDecisionLeadTime> {
    return withinDeadline(ctx, () =>
      service(ctx).decisionLeadTime({
        programmeKey,
        years,
        asOf,
        withinDays: withinDays ?? 14,
        bucketDays: bucketDays ?? 7,
        filter,
      }),
    );
  }

  @Query(() => ResearchDropOffReasons, {
    description:
      'Reason codes recorded by units that stopped at a step (or left through an exit). ' +
      'Cost: 1 + 10 reason codes.',
    complexity: groupsCost(REASON_GROUPS),
  })
  dropOffReasons(
    @Arg('programmeKey', () => String) programmeKey: string,
    @Arg('stage', () => String, { description: 'A step key (e.g. APPROVED) or an exit key.' })
    stage: string,
    @Arg('years', () => [Int], { nullable: true }) years: number[] | null,
    @Arg('asOf', () => GraphQLDate, { nullable: true, description: 'A month end.' })
    asOf: Date | null,
    @Arg('unit', () => ResearchUnitEnum, { nullable: true, defaultValue: 'APPLICATIONS' })
    unit: ResearchUnit,
    @Arg('filter', () => ResearchFunnelFilter, { nullable: true })
    filter: ResearchFunnelFilter | null,
    @Ctx() ctx: ResearchContext,
  ): Promise<ResearchDropOffReasons> {
    return withinDeadline(ctx, () =>
      service(ctx).dropOffReasons({
        programmeKey,
        stage,
        years,
        asOf,
        unit: unit ?? 'APPLICATIONS',
        filter,
      }),
    );
  }
}
