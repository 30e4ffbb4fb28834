import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../graphql/pagination.js';
import type { Organisation } from '../organisation/organisation.types.js';
import type { Programme, Stage } from '../programme/programme.types.js';
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
  @Field(() => String, { description: "The stage's label in the programme's funnel." })
  label!: string;

  static from(e: ApplicationEventEntity, label = e.stage): ApplicationEvent {
    return Object.assign(new ApplicationEvent(), {
      id: String(e.id),
      stage: e.stage,
      occurredAt: e.occurredAt,
      actor: e.actor,
      reasonCode: e.reasonCode,
      reasonText: e.reasonText,
      label,
    });
  }
}

/** See Application.preloaded; a key that is present was fetched (currentStage null: a draft). */
export interface Preloaded {
  organisation?: Organisation;
  programme?: Programme;
  currentStage?: Stage | null;
}

@ObjectType({ simpleResolvers: true })
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
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it left the funnel.' })
  exitAt!: Date | null;
  /** Resolved per programme: see ApplicationResolver.decisionLeadTimeDays. */
  leadTimeDays!: number | null;
  /** Projection columns; currentStage maps them to stage keys. */
  reached!: (Date | null)[];
  exitStage!: string | null;
  /**
   * Related objects a list page fetched in its own statement (ApplicationService.list); the
   * field resolvers use them instead of the DataLoaders. Absent: load as usual.
   */
  preloaded?: Preloaded;

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
      exitAt: a.exitAt,
      leadTimeDays: leadTimeDays(a),
    });
  }
}

/**
 * The current stage among a programme's stage definitions (ordered STEP before EXIT, then by
 * position): the exit if any, else the step at the furthest position reached; null for a draft.
 */
export function currentStageOf<S extends { kind: string; key: string; position: number }>(
  a: Pick<Application, 'exitStage' | 'reached'>,
  stages: readonly S[],
): S | null {
  if (a.exitStage) return stages.find((s) => s.kind === 'EXIT' && s.key === a.exitStage) ?? null;
  const furthest = a.reached.reduce<number>((acc, at, i) => (at ? i + 1 : acc), 0);
  return stages.find((s) => s.kind === 'STEP' && s.position === furthest) ?? null;
}

@ObjectType({ simpleResolvers: true })
export class ApplicationConnection extends Connection(Application, 'Application') {}

const DAY_MS = 86_400_000;

/** Decision = approval (step 2) or a rejection exit, whichever came first. */
function leadTimeDays(a: ApplicationEntity): number | null {
  if (!a.stage1At) return null;
  const decisions = [a.stage2At, a.exitStage === 'REJECTED' ? a.exitAt : null].filter(
    (d): d is Date => d !== null,
  );
  if (decisions.length === 0) return null;
  const decided = Math.min(...decisions.map((d) => d.getTime()));
  return Math.round(((decided - a.stage1At.getTime()) / DAY_MS) * 10) / 10;
}

@ObjectType()
export class DossierAnswer {
  @Field(() => String) key!: string;
  @Field(() => String) value!: string;
}

@ObjectType({ description: 'A file attached to the participation dossier.' })
export class Attachment {
  @Field(() => ID) id!: string;
  @Field(() => String) fileName!: string;
  @Field(() => String) mediaType!: string;
  @Field(() => Int) sizeBytes!: number;
  @Field(() => GraphQLISODateTime) uploadedAt!: Date;
  @Field(() => String, { description: 'Same-origin download path (needs the session).' })
  downloadPath!: string;
}

@ObjectType({ description: "The award's participation dossier." })
export class ParticipationDossier {
  @Field(() => [DossierAnswer]) answers!: DossierAnswer[];
  @Field(() => GraphQLISODateTime, { nullable: true }) submittedAt!: Date | null;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}
