import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { requireViewer } from '../../graphql/policy.js';
import { DrillDownService } from './drill-down.service.js';
import { FunnelDrillDown, FunnelDrillDownInput } from './drill-down.types.js';
import { FollowUpEffectService } from './follow-up-effect.service.js';
import { FollowUpEffect, FollowUpEffectInput } from './follow-up-effect.types.js';

@Resolver()
export class FollowUpEffectResolver {
  @Authorized('ANALYST')
  @Query(() => FollowUpEffect, {
    description: 'Start rate with and without a follow-up reminder (observational, not causal).',
  })
  async followUpEffect(
    @Arg('input', () => FollowUpEffectInput) input: FollowUpEffectInput,
    @Ctx() ctx: Context,
  ): Promise<FollowUpEffect> {
    return FollowUpEffect.from(await new FollowUpEffectService(ctx.dataSource).effect(input));
  }

  @Authorized('ANALYST', 'PROGRAMME_MANAGER')
  @Query(() => FunnelDrillDown, {
    description:
      "Who is behind a funnel step's stopped / in-progress count: applications for managers of the programme, counts by reason for analysts.",
  })
  async funnelDrillDown(
    @Arg('input', () => FunnelDrillDownInput) input: FunnelDrillDownInput,
    @Ctx() ctx: Context,
  ): Promise<FunnelDrillDown> {
    return FunnelDrillDown.from(
      await new DrillDownService(ctx.dataSource).drillDown(requireViewer(ctx), input),
    );
  }
}
