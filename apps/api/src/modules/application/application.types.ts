import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../graphql/pagination.js';
import {
  type ApplicationEntity,
  type ApplicationEventEntity,
  REGISTRATION_TYPES,
  type RegistrationType,
} from './application.entity.js';

export const RegistrationTypeEnum = Object.fromEntries(REGISTRATION_TYPES.map((k) => [k, k]));
registerEnumType(RegistrationTypeEnum, {
  name: 'RegistrationType',
  description: 'INDIVIDUAL: one company; GROUP: a network registering member companies.',
});

@ObjectType({ description: 'An immutable stage transition of an application.' })
export class ApplicationEvent {
  @Field(() => ID) id!: string;
  @Field(() => String) stage!: string;
  @Field(() => GraphQLISODateTime) occurredAt!: Date;
  @Field(() => String, { description: 'Who recorded it (user id or system actor).' })
  actor!: string;
  @Field(() => String, { nullable: true, description: 'Rejection or drop-off reason code.' })
  reasonCode!: string | null;
  @Field(() => String, { nullable: true }) reasonText!: string | null;

  static from(e: ApplicationEventEntity): ApplicationEvent {
    return Object.assign(new ApplicationEvent(), {
      id: String(e.id),
      stage: e.stage,
      occurredAt: e.occurredAt,
      actor: e.actor,
      reasonCode: e.reasonCode,
      reasonText: e.reasonText,
    });
  }
}

@ObjectType()
export class Application {
  @Field(() => ID) id!: string;
  @Field(() => RegistrationTypeEnum) registrationType!: RegistrationType;
  @Field(() => Int, { description: 'Companies represented: 1, or the members of a group.' })
  companyCount!: number;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When it entered the first stage.',
  })
  submittedAt!: Date | null;
  @Field(() => Int, { description: 'Optimistic-locking version; pass it back when acting.' })
  version!: number;
  programmeId!: string;
  editionId!: string;
  organisationId!: string;
  channelId!: string | null;
  coachId!: string | null;
  /** Projection columns; currentStage maps them to stage keys. */
  reached!: (Date | null)[];
  exitStage!: string | null;

  static from(a: ApplicationEntity): Application {
    return Object.assign(new Application(), {
      id: a.id,
      registrationType: a.registrationType,
      companyCount: a.companyCount,
      submittedAt: a.stage1At,
      version: a.version,
      programmeId: a.programmeId,
      editionId: a.editionId,
      organisationId: a.organisationId,
      channelId: a.channelId,
      coachId: a.coachId,
      reached: [a.stage1At, a.stage2At, a.stage3At, a.stage4At],
      exitStage: a.exitStage,
    });
  }
}

@ObjectType()
export class ApplicationConnection extends Connection(Application, 'Application') {}
