import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { OutreachChannelEntity } from './outreach.entity.js';
import { Campaign, OutreachChannel } from './outreach.types.js';

@Resolver(() => OutreachChannel)
export class OutreachResolver {
  @Authorized()
  @Query(() => [OutreachChannel], { description: 'All outreach channels (a short plain list).' })
  async outreachChannels(@Ctx() ctx: Context): Promise<OutreachChannel[]> {
    const rows = await ctx.dataSource
      .getRepository(OutreachChannelEntity)
      .find({ order: { name: 'ASC' } });
    return rows.map(OutreachChannel.from);
  }

  @FieldResolver(() => [Campaign])
  async campaigns(@Root() c: OutreachChannel, @Ctx() ctx: Context): Promise<Campaign[]> {
    return (await ctx.loaders.campaignsByChannel.load(c.id)).map(Campaign.from);
  }
}
