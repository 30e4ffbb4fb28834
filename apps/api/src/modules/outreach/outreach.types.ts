import {
  Field,
  Float,
  GraphQLISODateTime,
  ID,
  Int,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import {
  type CampaignEntity,
  CHANNEL_KINDS,
  type ChannelKind,
  type OutreachChannelEntity,
} from './outreach.entity.js';
import type { ReferralChannelRow } from './referral.service.js';
import { referralPath } from './referral-code.js';

export const ChannelKindEnum = Object.fromEntries(CHANNEL_KINDS.map((k) => [k, k]));
registerEnumType(ChannelKindEnum, { name: 'ChannelKind' });

@ObjectType()
export class Campaign {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) agency!: string | null;
  @Field(() => String) startsOn!: string;
  @Field(() => String) endsOn!: string;
  @Field(() => Float, { description: 'Cost in euro cents.' }) costCents!: number;

  static from(c: CampaignEntity): Campaign {
    return Object.assign(new Campaign(), {
      id: c.id,
      name: c.name,
      agency: c.agency,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      costCents: Number(c.costCents),
    });
  }
}

@ObjectType({ description: 'How companies heard of a programme (first-touch attribution).' })
export class OutreachChannel {
  @Field(() => ID) id!: string;
  @Field(() => String) key!: string;
  @Field(() => String) name!: string;
  @Field(() => ChannelKindEnum) kind!: ChannelKind;

  static from(c: OutreachChannelEntity): OutreachChannel {
    return Object.assign(new OutreachChannel(), {
      id: c.id,
      key: c.key,
      name: c.name,
      kind: c.kind,
    });
  }
}

@ObjectType({ description: "An outreach channel's tracked sign-up link and what came through it." })
export class ReferralChannel {
  @Field(() => ID) id!: string;
  @Field(() => String) key!: string;
  @Field(() => String) name!: string;
  @Field(() => ChannelKindEnum) kind!: ChannelKind;
  @Field(() => String, { nullable: true, description: 'Null: the channel has no link.' })
  code!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The link to hand out, relative to the site: /aanmelden?via=<code>.',
  })
  path!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) issuedAt!: Date | null;
  @Field(() => Int, { description: 'Companies that signed up through the link (ever).' })
  signUps!: number;
  @Field(() => Int, { description: 'Applications of those companies attributed to the channel.' })
  applications!: number;

  static from(r: ReferralChannelRow): ReferralChannel {
    return Object.assign(new ReferralChannel(), {
      id: r.id,
      key: r.key,
      name: r.name,
      kind: r.kind,
      code: r.referral_code,
      path: r.referral_code ? referralPath(r.referral_code) : null,
      issuedAt: r.referral_issued_at ? new Date(r.referral_issued_at) : null,
      signUps: r.sign_ups,
      applications: r.applications,
    });
  }
}

@ObjectType({ description: 'What the sign-up page shows about a referral code.' })
export class ReferralLinkInfo {
  @Field(() => String) code!: string;
  @Field(() => String, { description: 'The channel the sign-up will be attributed to.' })
  channelName!: string;
}
