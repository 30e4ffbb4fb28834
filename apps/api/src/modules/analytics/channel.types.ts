import { GraphQLDate } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type {
  CampaignData,
  ChannelData,
  ChannelPerformanceData,
  ChannelStepData,
} from './channel.service.js';
import type { FunnelSource } from './funnel.model.js';
import { FunnelSourceEnum, Rate } from './funnel.types.js';

@ObjectType({ simpleResolvers: true, description: 'A campaign of the programme on a channel.' })
export class ChannelCampaign {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) agency!: string | null;
  @Field(() => GraphQLDate) startsOn!: string;
  @Field(() => GraphQLDate) endsOn!: string;
  @Field(() => Float, { description: 'Euro cents.' }) costCents!: number;

  static from(c: CampaignData): ChannelCampaign {
    return Object.assign(new ChannelCampaign(), c);
  }
}

@ObjectType({ simpleResolvers: true })
export class ChannelStep {
  @Field(() => String) stage!: string;
  @Field(() => String) label!: string;
  @Field(() => Int) count!: number;
  @Field(() => Rate, { description: "Conversion from the channel's first step." }) fromFirst!: Rate;
  @Field(() => Float, {
    nullable: true,
    description: 'Campaign cost per unit at this step, in cents.',
  })
  costPerUnitCents!: number | null;

  static from(s: ChannelStepData): ChannelStep {
    return Object.assign(new ChannelStep(), { ...s, fromFirst: Rate.from(s.fromFirst) });
  }
}

@ObjectType({
  simpleResolvers: true,
  description: 'One outreach channel: its funnel, campaigns and costs.',
})
export class ChannelFunnel {
  @Field(() => String, { nullable: true, description: 'Null: no channel named.' }) key!:
    | string
    | null;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) kind!: string | null;
  @Field(() => Int, { description: '1 = most applications.' }) rank!: number;
  @Field(() => Int, { description: 'First-step entries through this channel.' })
  applications!: number;
  @Field(() => Rate, { description: 'Share of all first-step entries.' }) share!: Rate;
  @Field(() => [ChannelStep]) steps!: ChannelStep[];
  @Field(() => Float, { description: 'Campaign cost in euro cents.' }) costCents!: number;
  @Field(() => [ChannelCampaign]) campaigns!: ChannelCampaign[];
  @Field(() => [Int], { description: 'Calendar years with campaign activity.' })
  campaignYears!: number[];

  static from(c: ChannelData): ChannelFunnel {
    return Object.assign(new ChannelFunnel(), {
      ...c,
      share: Rate.from(c.share),
      steps: c.steps.map(ChannelStep.from),
      campaigns: c.campaigns.map(ChannelCampaign.from),
    });
  }
}

@ObjectType({ simpleResolvers: true })
export class ChannelPerformance {
  @Field(() => String) programmeKey!: string;
  @Field(() => String) unit!: string;
  @Field(() => GraphQLDate, { nullable: true }) asOf!: string | null;
  @Field(() => [Int], { nullable: true }) years!: number[] | null;
  @Field(() => String, {
    description: 'FIRST_TOUCH: each application counts for the channel it named first.',
  })
  attribution!: string;
  @Field(() => Int) totalApplications!: number;
  @Field(() => [ChannelFunnel], { description: 'Most applications first.' })
  channels!: ChannelFunnel[];
  @Field(() => FunnelSourceEnum) computedFrom!: FunnelSource;

  static from(c: ChannelPerformanceData): ChannelPerformance {
    return Object.assign(new ChannelPerformance(), {
      ...c,
      channels: c.channels.map(ChannelFunnel.from),
    });
  }
}
