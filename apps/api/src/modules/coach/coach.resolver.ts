import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Organisation } from '../organisation/organisation.types.js';
import { Coach } from './coach.types.js';

@Resolver(() => Coach)
export class CoachResolver {
  @FieldResolver(() => Organisation, { nullable: true })
  async serviceProvider(@Root() c: Coach, @Ctx() ctx: Context): Promise<Organisation | null> {
    const org = await ctx.loaders.organisation.load(c.serviceProviderId);
    return org ? Organisation.from(org) : null;
  }
}
