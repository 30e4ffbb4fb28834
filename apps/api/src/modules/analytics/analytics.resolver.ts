import { GraphQLDate } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Int, Query, Resolver, UseMiddleware } from 'type-graphql';
import { BackgroundWork } from '../../database/priority.js';
import type { Context } from '../../graphql/context.js';
import { requireViewer } from '../../graphql/policy.js';
import type { FunnelUnit } from '../../semantic/dimensions.js';
import { BudgetService } from './budget.service.js';
import { Budget } from './budget.types.js';
import { ChannelService } from './channel.service.js';
import { ChannelPerformance } from './channel.types.js';
import { CohortService } from './cohort.service.js';
import { CohortComparison } from './cohort.types.js';
import { DropOffService } from './drop-off.service.js';
import { DropOffReasons } from './drop-off.types.js';
import {
  ChannelPerformanceInput,
  CohortComparisonInput,
  FunnelFilterInput,
  FunnelInput,
} from './funnel.inputs.js';
import { FunnelService } from './funnel.service.js';
import { Funnel, FunnelSnapshots, FunnelUnitEnum } from './funnel.types.js';
import { LeadTimeService } from './lead-time.service.js';
import { DecisionLeadTime } from './lead-time.types.js';
import { ReAimService } from './re-aim.service.js';
import { ReAim } from './re-aim.types.js';

/** Evaluator analytics: aggregates only, for analysts (and admins). */
// Aggregations yield the embedded database's one connection to interactive work.
@UseMiddleware(BackgroundWork)
@Resolver()
export class AnalyticsResolver {
  @Authorized('ANALYST')
  @Query(() => Funnel, {
    description:
      'Funnel of a programme as of a date: counts per step with conversion (Wilson 95 %), ' +
      'drop-off, time between steps, exits with reasons; optionally per breakdown value.',
  })
  async funnel(
    @Arg('input', () => FunnelInput) input: FunnelInput,
    @Ctx() ctx: Context,
  ): Promise<Funnel> {
    return Funnel.from(await new FunnelService(ctx.readDataSource).funnel(input));
  }

  @Authorized('ANALYST')
  @Query(() => FunnelSnapshots, {
    description: 'Cumulative counts per step and exit at each date (inclusive), e.g. year ends.',
  })
  async funnelSnapshots(
    @Arg('input', () => FunnelInput) input: FunnelInput,
    @Arg('at', () => [GraphQLDate]) at: Date[],
    @Ctx() ctx: Context,
  ): Promise<FunnelSnapshots> {
    return FunnelSnapshots.from(await new FunnelService(ctx.readDataSource).snapshots(input, at));
  }

  @Authorized('ANALYST')
  @Query(() => CohortComparison, {
    description:
      'Funnel rates per cohort and, per step, the difference to the baseline with a p-value ' +
      "(Fisher's exact test; chi-square only when every expected count is at least 5).",
  })
  async cohortComparison(
    @Arg('input', () => CohortComparisonInput) input: CohortComparisonInput,
    @Ctx() ctx: Context,
  ): Promise<CohortComparison> {
    return CohortComparison.from(await new CohortService(ctx.readDataSource).compare(input));
  }

  @Authorized('ANALYST')
  @Query(() => ChannelPerformance, {
    description: 'Per outreach channel (first touch): funnel, campaign cost and cost per step.',
  })
  async channelPerformance(
    @Arg('input', () => ChannelPerformanceInput) input: ChannelPerformanceInput,
    @Ctx() ctx: Context,
  ): Promise<ChannelPerformance> {
    return ChannelPerformance.from(await new ChannelService(ctx.readDataSource).performance(input));
  }

  @Authorized('ANALYST', 'PROGRAMME_MANAGER')
  @Query(() => Budget, {
    description:
      'Allocated, spent, remaining and cost per stage (euro cents), for a year or the whole programme. ' +
      'Programme managers: the programmes they manage.',
  })
  async budget(
    @Arg('programmeKey', () => String) programmeKey: string,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() ctx: Context,
  ): Promise<Budget> {
    return Budget.from(
      await new BudgetService(ctx.readDataSource).budget(programmeKey, year, requireViewer(ctx)),
    );
  }

  @Authorized('ANALYST')
  @Query(() => DecisionLeadTime, {
    description:
      'Days from application to decision (approval or rejection): median, p90, share within N days.',
  })
  async decisionLeadTime(
    @Arg('programmeKey', () => String) programmeKey: string,
    @Arg('years', () => [Int], { nullable: true }) years: number[] | null,
    @Arg('asOf', () => GraphQLDate, { nullable: true }) asOf: Date | null,
    @Arg('withinDays', () => Int, { nullable: true, defaultValue: 14 }) withinDays: number,
    @Arg('bucketDays', () => Int, { nullable: true, defaultValue: 7 }) bucketDays: number,
    @Arg('filter', () => FunnelFilterInput, { nullable: true }) filter: FunnelFilterInput | null,
    @Ctx() ctx: Context,
  ): Promise<DecisionLeadTime> {
    return DecisionLeadTime.from(
      await new LeadTimeService(ctx.readDataSource).decisionLeadTime({
        programmeKey,
        years,
        asOf,
        withinDays,
        bucketDays,
        filter,
      }),
    );
  }

  @Authorized('ANALYST')
  @Query(() => DropOffReasons, {
    description: 'Reasons recorded by units that stopped at a step (or left through an exit).',
  })
  async dropOffReasons(
    @Arg('programmeKey', () => String) programmeKey: string,
    @Arg('stage', () => String, { description: 'A step key (e.g. APPROVED) or an exit key.' })
    stage: string,
    @Arg('years', () => [Int], { nullable: true }) years: number[] | null,
    @Arg('asOf', () => GraphQLDate, { nullable: true }) asOf: Date | null,
    @Arg('unit', () => FunnelUnitEnum, { nullable: true, defaultValue: 'APPLICATIONS' })
    unit: FunnelUnit,
    @Arg('filter', () => FunnelFilterInput, { nullable: true }) filter: FunnelFilterInput | null,
    @Ctx() ctx: Context,
  ): Promise<DropOffReasons> {
    return DropOffReasons.from(
      await new DropOffService(ctx.readDataSource).reasons({
        programmeKey,
        stage,
        years,
        asOf,
        unit,
        filter,
      }),
    );
  }

  @Authorized('ANALYST')
  @Query(() => ReAim, {
    description: 'RE-AIM evaluation of a programme, for one edition year or all.',
  })
  async reAim(
    @Arg('programmeKey', () => String) programmeKey: string,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() ctx: Context,
  ): Promise<ReAim> {
    return ReAim.from(await new ReAimService(ctx.readDataSource).reAim(programmeKey, year));
  }
}
