import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { Organisation } from '../organisation/organisation.types.js';
import { ProgrammeEntity } from '../programme/programme.entity.js';
import { CoachEntity } from './coach.entity.js';
import { Coach } from './coach.types.js';

@Resolver(() => Coach)
export class CoachResolver {
  @FieldResolver(() => Organisation, { nullable: true })
  async serviceProvider(@Root() c: Coach, @Ctx() ctx: Context): Promise<Organisation | null> {
    const org = await ctx.loaders.organisation.load(c.serviceProviderId);
    return org ? Organisation.from(org) : null;
  }

  @Authorized('PROGRAMME_MANAGER')
  @Query(() => [Coach], { description: "A programme's health coaches (for assigning them)." })
  async coaches(
    @Arg('programmeKey', () => String) programmeKey: string,
    @Ctx() ctx: Context,
  ): Promise<Coach[]> {
    const programme = await ctx.dataSource
      .getRepository(ProgrammeEntity)
      .findOneBy({ key: programmeKey });
    if (!programme) throw badInput(`Unknown programme "${programmeKey}"`, 'programmeKey');
    const rows = await ctx.dataSource
      .getRepository(CoachEntity)
      .find({ where: { programmeId: programme.id }, order: { fullName: 'ASC' } });
    return rows.map(Coach.from);
  }
}
