import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CALL_OUTCOMES, type CallOutcome } from './follow-up.entity.js';
import type { FollowUpContactRow, FollowUpReason, WorklistRow } from './follow-up.service.js';

export const CallOutcomeEnum = Object.fromEntries(CALL_OUTCOMES.map((s) => [s, s])) as {
  [K in CallOutcome]: K;
};
registerEnumType(CallOutcomeEnum, {
  name: 'CallOutcome',
  description: 'Outcome of a follow-up phone call.',
});

export const FollowUpReasonEnum = {
  NOT_STARTED: 'NOT_STARTED',
  NO_PROGRESS: 'NO_PROGRESS',
} as const;
registerEnumType(FollowUpReasonEnum, {
  name: 'FollowUpReason',
  description: 'NOT_STARTED: approved, no trajectory started; NO_PROGRESS: started, nothing since.',
});

export const ContactKindEnum = { REMINDER: 'REMINDER', CALL: 'CALL' } as const;
registerEnumType(ContactKindEnum, { name: 'ContactKind' });

@ObjectType({
  description: 'A follow-up contact with the applicant (not a stage: the funnel ignores it).',
})
export class FollowUpContact {
  @Field(() => ID) id!: string;
  @Field(() => ContactKindEnum) kind!: 'REMINDER' | 'CALL';
  @Field(() => GraphQLISODateTime) occurredAt!: Date;
  @Field(() => CallOutcomeEnum, { nullable: true }) outcome!: CallOutcome | null;
  @Field(() => String, { nullable: true, description: 'Call note, or the reminder text sent.' })
  note!: string | null;
  @Field(() => String, { nullable: true, description: 'Reminder: status of its e-mail.' })
  mailStatus!: string | null;
  @Field(() => String, { nullable: true }) recipient!: string | null;

  static from(
    c: Partial<FollowUpContactRow> & Pick<FollowUpContactRow, 'id' | 'kind'>,
  ): FollowUpContact {
    return Object.assign(new FollowUpContact(), {
      id: c.id,
      kind: c.kind,
      occurredAt: new Date(c.occurredAt as unknown as string),
      outcome: c.outcome ?? null,
      note: c.note ?? null,
      mailStatus: c.mailStatus ?? null,
      recipient: c.recipient ?? null,
    });
  }
}

@ObjectType({ description: 'An application on the follow-up worklist.' })
export class FollowUpItem {
  @Field(() => ID) applicationId!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) organisation!: string;
  @Field(() => String) programmeKey!: string;
  @Field(() => String) programme!: string;
  @Field(() => FollowUpReasonEnum) reason!: FollowUpReason;
  @Field(() => GraphQLISODateTime, {
    description: 'Approval (NOT_STARTED) or start (NO_PROGRESS).',
  })
  since!: Date;
  @Field(() => Int) daysWaiting!: number;
  @Field(() => String, { nullable: true }) channel!: string | null;
  @Field(() => String, { nullable: true }) coach!: string | null;
  @Field(() => String, { nullable: true, description: "The applicant's account e-mail, if any." })
  recipientEmail!: string | null;
  @Field(() => String, { nullable: true }) recipientLanguage!: string | null;
  @Field(() => FollowUpContact, { nullable: true }) lastContact!: FollowUpContact | null;
  @Field(() => [FollowUpContact], { description: 'Newest first.' }) contacts!: FollowUpContact[];

  static from(r: WorklistRow): FollowUpItem {
    const contacts = r.contacts.map((c) => FollowUpContact.from(c as never));
    return Object.assign(new FollowUpItem(), {
      ...r,
      since: new Date(r.since),
      contacts,
      lastContact: contacts[0] ?? null,
    });
  }
}

@ObjectType()
export class FollowUpThresholds {
  @Field(() => String) programmeKey!: string;
  @Field(() => String) programme!: string;
  @Field(() => Int, { description: 'Approved but not started after this many days.' })
  startDays!: number;
  @Field(() => Int, { description: 'Started but no progress after this many days.' })
  progressDays!: number;
}

@ObjectType()
export class FollowUpWorklist {
  @Field(() => [FollowUpItem]) items!: FollowUpItem[];
  @Field(() => Int) totalCount!: number;
  @Field(() => [FollowUpThresholds]) thresholds!: FollowUpThresholds[];
}

@ObjectType({ description: 'A reminder as it would be sent.' })
export class ReminderPreview {
  @Field(() => String) subject!: string;
  @Field(() => String) text!: string;
  @Field(() => String) html!: string;
  @Field(() => String, { description: 'The body used: the given text or the template default.' })
  body!: string;
  @Field(() => String, { nullable: true }) recipient!: string | null;
  @Field(() => String) language!: string;
}
