import { Field, ID, InputType, Int } from 'type-graphql';
import type { RegistrationType } from './application.entity.js';
import { RegistrationTypeEnum } from './application.types.js';

@InputType({ description: 'A company added to a group registration by KBO number.' })
export class NewMemberInput {
  @Field(() => String) kboNumber!: string;
  @Field(() => String, { description: 'Used when the company is not known yet.' }) name!: string;
}

@InputType()
export class ApplicationDraftInput {
  @Field(() => ID, { nullable: true, description: 'Omit to start a new draft.' })
  applicationId?: string | null;
  @Field(() => String) programmeKey!: string;
  @Field(() => ID, { description: 'The company, or for GROUP the network.' })
  organisationId!: string;
  @Field(() => RegistrationTypeEnum) registrationType!: RegistrationType;
  @Field(() => String, {
    nullable: true,
    description:
      '"How did you hear of us?" channel key. A company that signed up through a tracked link ' +
      'gets that channel instead.',
  })
  channelKey?: string | null;
  @Field(() => [ID], { nullable: true, description: 'GROUP: members picked from the network.' })
  memberOrganisationIds?: string[] | null;
  @Field(() => [NewMemberInput], { nullable: true, description: 'GROUP: members added by KBO.' })
  newMembers?: NewMemberInput[] | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Client-generated key (8–80 chars); repeating a call with it returns the same application.',
  })
  idempotencyKey?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: "A specific call; by default the programme's call open today.",
  })
  editionId?: string | null;
}

@InputType()
export class StageChangeInput {
  @Field(() => ID) applicationId!: string;
  @Field(() => String, { description: 'APPROVED, REJECTED, STARTED, COMPLETED, DROPPED_OUT…' })
  stage!: string;
  @Field(() => Int, { description: 'The version you saw; a stale one answers CONFLICT.' })
  expectedVersion!: number;
  @Field(() => String, { nullable: true }) reasonCode?: string | null;
  @Field(() => String, { nullable: true }) reasonText?: string | null;
}

@InputType()
export class WithdrawInput {
  @Field(() => ID) applicationId!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => String, {
    description: 'TIME_INVESTMENT, COST, OTHER_PRIORITIES, PAPERWORK, UNKNOWN',
  })
  reasonCode!: string;
  @Field(() => String, { nullable: true }) reasonText?: string | null;
}

@InputType()
export class AssignCoachInput {
  @Field(() => ID) applicationId!: string;
  @Field(() => ID) coachId!: string;
  @Field(() => Int) expectedVersion!: number;
}
