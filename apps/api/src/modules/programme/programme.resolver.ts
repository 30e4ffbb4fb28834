import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Organisation } from '../organisation/organisation.types.js';
import { ProgrammeService } from './programme.service.js';
import { Edition, Programme, ProgrammeComponent, Stage } from './programme.types.js';

@Resolver(() => Programme)
export class ProgrammeResolver {
  @Query(() => [Programme], { description: 'All programmes (a short plain list).' })
  async programmes(@Ctx() ctx: Context): Promise<Programme[]> {
    return (await new ProgrammeService(ctx.dataSource).list()).map(Programme.from);
  }

  @Query(() => Programme, { description: 'One programme by its key; NOT_FOUND if unknown.' })
  async programme(@Arg('key', () => String) key: string, @Ctx() ctx: Context): Promise<Programme> {
    return Programme.from(await new ProgrammeService(ctx.dataSource).byKey(key));
  }

  @FieldResolver(() => [Edition])
  async editions(@Root() p: Programme, @Ctx() ctx: Context): Promise<Edition[]> {
    return (await ctx.loaders.editionsByProgramme.load(p.id)).map(Edition.from);
  }

  @FieldResolver(() => [Stage], { description: 'Funnel steps in order, then the exits.' })
  async stages(@Root() p: Programme, @Ctx() ctx: Context): Promise<Stage[]> {
    return (await ctx.loaders.stagesByProgramme.load(p.id)).map(Stage.from);
  }

  @FieldResolver(() => [ProgrammeComponent])
  async components(@Root() p: Programme, @Ctx() ctx: Context): Promise<ProgrammeComponent[]> {
    return (await ctx.loaders.componentsByProgramme.load(p.id)).map(ProgrammeComponent.from);
  }

  @FieldResolver(() => Organisation, { nullable: true })
  async operator(@Root() p: Programme, @Ctx() ctx: Context): Promise<Organisation | null> {
    const org = await ctx.loaders.organisation.load(p.operatorId);
    return org ? Organisation.from(org) : null;
  }
}
