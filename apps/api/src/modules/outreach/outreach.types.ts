import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import {
  type CampaignEntity,
  CHANNEL_KINDS,
  type ChannelKind,
  type OutreachChannelEntity,
} from './outreach.entity.js';

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
