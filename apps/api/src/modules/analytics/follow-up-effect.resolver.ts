import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
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
}
