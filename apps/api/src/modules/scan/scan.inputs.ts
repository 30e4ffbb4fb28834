import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class ScanAnswerInput {
  @Field(() => String) itemKey!: string;
  @Field(() => Int, { nullable: true, description: 'Points 0 … the item’s maximum; null clears.' })
  points!: number | null;
}

@InputType()
export class HealthPolicyScanInput {
  @Field(() => ID) organisationId!: string;
  @Field(() => [ScanAnswerInput]) answers!: ScanAnswerInput[];
}
