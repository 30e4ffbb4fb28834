import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class ReminderInput {
  @Field(() => ID) applicationId!: string;
  @Field(() => String, { description: 'REMINDER_START or REMINDER_PROGRESS.' }) template!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The (edited) text; preview: omit for the default.',
  })
  text?: string | null;
  @Field(() => String, { nullable: true, description: "Default: the applicant's account e-mail." })
  recipient?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "nl or en; default: the recipient's language.",
  })
  language?: string | null;
  @Field(() => String, { nullable: true, description: 'Repeating a send with it sends once.' })
  idempotencyKey?: string | null;
}

@InputType()
export class FollowUpCallInput {
  @Field(() => ID) applicationId!: string;
  @Field(() => String, { description: 'A CallOutcome.' }) outcome!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class FollowUpThresholdsInput {
  @Field(() => String) programmeKey!: string;
  @Field(() => Int) startDays!: number;
  @Field(() => Int) progressDays!: number;
}
