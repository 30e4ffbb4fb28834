import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { type ResearchContext, withinDeadline } from './research.context.js';
import { groupsCost } from './research-cost.js';
import { ResearchProgrammeService } from './research-programme.service.js';
import { ResearchBudget, ResearchReAim } from './research-programme.types.js';

const service = (ctx: ResearchContext) =>
  new ResearchProgrammeService(ctx.dataSource, ctx.catalog, ctx.config.minCell);

/** Budget lines (years × categories) an answer can hold, for the cost estimate. */
const BUDGET_GROUPS = 20;
/** RE-AIM measures and capacity counts. */
const RE_AIM_GROUPS = 14;

@Resolver()
export class ResearchProgrammeResolver {
  @Query(() => ResearchBudget, {
    description:
      'Allocated, spent, remaining and cost per stage (euro cents), for a calendar year or the ' +
      'whole programme; spending under the frequency and dominance rules. Cost: 21.',
    complexity: groupsCost(BUDGET_GROUPS),
  })
  budget(
    @Arg('programmeKey', () => String) programmeKey: string,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() ctx: ResearchContext,
  ): Promise<ResearchBudget> {
    return withinDeadline(ctx, () => service(ctx).budget(programmeKey, year ?? null));
  }

  @Query(() => ResearchReAim, {
    description:
      'RE-AIM evaluation of a programme (reach, effectiveness, adoption, implementation, ' +
      'maintenance), for one edition year or all; every count protected. Cost: 15.',
    complexity: groupsCost(RE_AIM_GROUPS),
  })
  reAim(
    @Arg('programmeKey', () => String) programmeKey: string,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() ctx: ResearchContext,
  ): Promise<ResearchReAim> {
    return withinDeadline(ctx, () => service(ctx).reAim(programmeKey, year ?? null));
  }
}
