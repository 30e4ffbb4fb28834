import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import type { FollowUpEffectData, StartGroup } from './follow-up-effect.service.js';
import { Rate } from './funnel.types.js';

@InputType()
export class FollowUpEffectInput {
  @Field(() => String) programmeKey!: string;
  @Field(() => [Int], { nullable: true, description: 'Editions (years); all when omitted.' })
  years?: number[] | null;
}

@ObjectType()
export class StartRateGroup {
  @Field(() => Int) approved!: number;
  @Field(() => Int) started!: number;
  @Field(() => Rate, { description: 'started / approved with a 95 % Wilson interval.' })
  startRate!: Rate;

  static from(g: StartGroup): StartRateGroup {
    return Object.assign(new StartRateGroup(), { ...g, startRate: Rate.from(g.startRate) });
  }
}

@ObjectType({
  description:
    'Start rate of approved applications with and without a follow-up reminder. Observational: reminders go to applications that stall, so this is an association, not a causal effect.',
})
export class FollowUpEffect {
  @Field(() => String) programmeKey!: string;
  @Field(() => StartRateGroup) withReminder!: StartRateGroup;
  @Field(() => StartRateGroup) withoutReminder!: StartRateGroup;
  @Field(() => Float, { nullable: true, description: "Fisher's exact test, two-sided." })
  pValue!: number | null;
  @Field(() => Boolean, { description: 'Always true: not a randomised comparison.' })
  observational!: boolean;

  static from(d: FollowUpEffectData): FollowUpEffect {
    return Object.assign(new FollowUpEffect(), {
      programmeKey: d.programmeKey,
      withReminder: StartRateGroup.from(d.withReminder),
      withoutReminder: StartRateGroup.from(d.withoutReminder),
      pValue: d.pValue,
      observational: true,
    });
  }
}
