import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { requireViewer } from '../../graphql/policy.js';
import { OutreachChannelEntity } from './outreach.entity.js';
import { Campaign, OutreachChannel, ReferralChannel, ReferralLinkInfo } from './outreach.types.js';
import { ReferralService } from './referral.service.js';
import { channelForCode, REFERRAL_CODE } from './referral-code.js';

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

  @Authorized('ADMIN')
  @Query(() => [ReferralChannel], {
    description: 'Every channel with its tracked sign-up link and the companies it brought.',
  })
  async referralChannels(@Ctx() ctx: Context): Promise<ReferralChannel[]> {
    return (await new ReferralService(ctx.dataSource).list()).map(ReferralChannel.from);
  }

  @Query(() => ReferralLinkInfo, {
    nullable: true,
    description: 'For the sign-up page: the channel of a live referral code; null when unknown.',
  })
  async referralLink(
    @Arg('code', () => String) code: string,
    @Ctx() ctx: Context,
  ): Promise<ReferralLinkInfo | null> {
    const trimmed = code.trim().toLowerCase();
    if (!REFERRAL_CODE.test(trimmed))
      throw badInput('A referral code is 6–32 letters and digits', 'code');
    const channel = await channelForCode(ctx.dataSource, trimmed);
    return channel
      ? Object.assign(new ReferralLinkInfo(), { code: trimmed, channelName: channel.name })
      : null;
  }

  @Authorized('ADMIN')
  @Mutation(() => ReferralChannel, {
    description: 'Issues a tracked sign-up link (/aanmelden?via=<code>) for a channel (audited).',
  })
  async createReferralLink(
    @Arg('channelKey', () => String) channelKey: string,
    @Ctx() ctx: Context,
  ): Promise<ReferralChannel> {
    const service = new ReferralService(ctx.dataSource);
    return ReferralChannel.from(await service.create(requireViewer(ctx), channelKey));
  }

  @Authorized('ADMIN')
  @Mutation(() => ReferralChannel, {
    description: "Stops a channel's sign-up link; earlier sign-ups keep their channel (audited).",
  })
  async revokeReferralLink(
    @Arg('channelKey', () => String) channelKey: string,
    @Ctx() ctx: Context,
  ): Promise<ReferralChannel> {
    const service = new ReferralService(ctx.dataSource);
    return ReferralChannel.from(await service.revoke(requireViewer(ctx), channelKey));
  }
}
