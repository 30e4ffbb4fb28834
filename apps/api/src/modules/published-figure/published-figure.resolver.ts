import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { PublishedFigureEntity } from './published-figure.entity.js';
import { PublishedFigure } from './published-figure.types.js';

@Resolver(() => PublishedFigure)
export class PublishedFigureResolver {
  @Authorized('ANALYST')
  @Query(() => [PublishedFigure], { description: 'Every figure the source documents publish.' })
  async publishedFigures(
    @Arg('programmeKey', () => String, { nullable: true }) programmeKey: string | null,
    @Ctx() ctx: Context,
  ): Promise<PublishedFigure[]> {
    const rows = await ctx.dataSource
      .getRepository(PublishedFigureEntity)
      .find({ where: programmeKey ? { programmeKey } : {}, order: { id: 'ASC' } });
    return rows.map(PublishedFigure.from);
  }
}
