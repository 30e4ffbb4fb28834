import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MAIL_STATUSES, type MailOutboxEntity, type MailStatus } from './mail.entity.js';

export const MailStatusEnum = Object.fromEntries(MAIL_STATUSES.map((s) => [s, s])) as {
  [K in MailStatus]: K;
};
registerEnumType(MailStatusEnum, {
  name: 'MailStatus',
  description:
    'QUEUED (waiting for the send job), SENT, KEPT (no SMTP_URL: kept, not sent), FAILED (gave up; see dead letters).',
});

@ObjectType({ description: 'A message of the outbox (admin page "Verzonden berichten").' })
export class OutboxMessage {
  @Field(() => ID) id!: string;
  @Field(() => String) template!: string;
  @Field(() => String) language!: string;
  @Field(() => String) recipient!: string;
  @Field(() => String) subject!: string;
  @Field(() => String) textBody!: string;
  @Field(() => MailStatusEnum) status!: MailStatus;
  @Field(() => Int) attempts!: number;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => ID, { nullable: true }) applicationId!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) processedAt!: Date | null;

  static from(e: MailOutboxEntity): OutboxMessage {
    return Object.assign(new OutboxMessage(), {
      id: e.id,
      template: e.template,
      language: e.language,
      recipient: e.recipient,
      subject: e.subject,
      textBody: e.textBody,
      status: e.status,
      attempts: e.attempts,
      lastError: e.lastError,
      applicationId: e.applicationId,
      createdAt: e.createdAt,
      processedAt: e.processedAt,
    });
  }
}

@ObjectType({ description: 'A send job that kept failing and was moved to the dead-letter queue.' })
export class MailDeadLetter {
  @Field(() => ID) jobId!: string;
  @Field(() => ID, { nullable: true }) outboxId!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType()
export class OutboxPage {
  @Field(() => [OutboxMessage]) messages!: OutboxMessage[];
  @Field(() => Int, { description: 'Messages with this status in all.' }) totalCount!: number;
  @Field(() => [MailDeadLetter]) deadLetters!: MailDeadLetter[];
}
