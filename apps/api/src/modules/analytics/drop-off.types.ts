import { GraphQLDate } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import type { FunnelUnit } from '../../semantic/dimensions.js';
import type { DropOffData, DropOffReasonData } from './drop-off.service.js';
import { FunnelUnitEnum, Rate, StageCount } from './funnel.types.js';

@ObjectType({ simpleResolvers: true })
export class DropOffReason {
  @Field(() => String, { nullable: true, description: 'Null: no reason recorded.' }) reason!:
    | string
    | null;
  @Field(() => String) label!: string;
  @Field(() => Int) count!: number;
  @Field(() => Rate, { description: 'Share of the units that left.' }) share!: Rate;

  static from(r: DropOffReasonData): DropOffReason {
    return Object.assign(new DropOffReason(), { ...r, share: Rate.from(r.share) });
  }
}

@ObjectType({
  simpleResolvers: true,
  description: 'Why units stopped at a step, or left through an exit.',
})
export class DropOffReasons {
  @Field(() => String) programmeKey!: string;
  @Field(() => String) stage!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { description: 'STEP or EXIT.' }) kind!: string;
  @Field(() => FunnelUnitEnum) unit!: FunnelUnit;
  @Field(() => GraphQLDate, { nullable: true }) asOf!: string | null;
  @Field(() => [Int], { nullable: true }) years!: number[] | null;
  @Field(() => Int, { nullable: true, description: 'STEP: units whose furthest step is this one.' })
  atStage!: number | null;
  @Field(() => Int, { description: 'Units that left.' }) left!: number;
  @Field(() => Int, { nullable: true, description: 'STEP: atStage − left.' }) stillInProgress!:
    | number
    | null;
  @Field(() => [StageCount], { description: 'Exits taken, most frequent first.' })
  exits!: StageCount[];
  @Field(() => [DropOffReason], { description: 'Most frequent first.' }) reasons!: DropOffReason[];
  @Field(() => String, { nullable: true }) topReason!: string | null;

  static from(d: DropOffData): DropOffReasons {
    return Object.assign(new DropOffReasons(), {
      ...d,
      exits: d.exits.map(StageCount.from),
      reasons: d.reasons.map(DropOffReason.from),
    });
  }
}
