import { GraphQLDate } from 'graphql-scalars';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';

@InputType()
export class ApplicationFilter {
  @Field(() => String, { nullable: true }) programmeKey?: string | null;
  @Field(() => [Int], { nullable: true, description: 'Edition years.' }) years?: number[] | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Current stage keys (the furthest step reached, or the exit).',
  })
  stages?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Outreach channel keys.' })
  channelKeys?: string[] | null;
  @Field(() => GraphQLDate, { nullable: true, description: 'Submitted on or after (inclusive).' })
  submittedFrom?: Date | null;
  @Field(() => GraphQLDate, { nullable: true, description: 'Submitted on or before (inclusive).' })
  submittedTo?: Date | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Only undecided applications submitted more than this many days ago (the queue).',
  })
  waitingMoreThanDays?: number | null;
  @Field(() => ID, { nullable: true, description: 'Applicant or represented company.' })
  organisationId?: string | null;
}

export enum ApplicationOrder {
  /** Newest first: submitted (or created) time, then id, descending. */
  NEWEST_FIRST = 'NEWEST_FIRST',
  /** By id, ascending: a stable order independent of dates (exports, comparisons). */
  ID = 'ID',
}

registerEnumType(ApplicationOrder, {
  name: 'ApplicationOrder',
  description: 'Order of the applications list.',
  valuesConfig: {
    NEWEST_FIRST: { description: 'Submitted (or created) time, newest first; the default.' },
    ID: { description: 'Id ascending.' },
  },
});
