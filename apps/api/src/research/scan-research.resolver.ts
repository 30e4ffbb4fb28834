import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { type ResearchContext, withinDeadline } from './research.context.js';
import { fixedCost, groupsCost } from './research-cost.js';
import { ScanResearchService } from './scan-research.service.js';
import { ResearchScanChange, ResearchScanDistribution } from './scan-research.types.js';

const service = (ctx: ResearchContext) =>
  new ScanResearchService(ctx.dataSource, ctx.config.minCell);

@Resolver()
export class ScanResearchResolver {
  @Query(() => ResearchScanDistribution, {
    description:
      "Companies' latest health-policy scan scores in ten bins, every count protected. Cost: 11.",
    complexity: groupsCost(10),
  })
  scanScoreDistribution(@Ctx() ctx: ResearchContext): Promise<ResearchScanDistribution> {
    return withinDeadline(ctx, () => service(ctx).distribution());
  }

  @Query(() => ResearchScanChange, {
    description:
      'Paired baseline / follow-up scan change of a programme’s participants, for one edition ' +
      'year or all (RE-AIM effectiveness), protected. Cost: 5.',
    complexity: fixedCost(5),
  })
  scanPairedChange(
    @Arg('programmeKey', () => String) programmeKey: string,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() ctx: ResearchContext,
  ): Promise<ResearchScanChange> {
    return withinDeadline(ctx, () => service(ctx).pairedChange(programmeKey, year ?? null));
  }
}
