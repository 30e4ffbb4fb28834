import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  VersionColumn,
} from 'typeorm';
import { CoachEntity } from '../coach/coach.entity.js';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import { OutreachChannelEntity } from '../outreach/outreach.entity.js';
import { EditionEntity, ProgrammeEntity } from '../programme/programme.entity.js';

export const REGISTRATION_TYPES = ['INDIVIDUAL', 'GROUP'] as const;
export type RegistrationType = (typeof REGISTRATION_TYPES)[number];

/**
 * An application (aanvraag) or award registration (inschrijving).
 *
 * The stageN_at / exit_* columns are a projection of application_event, kept up to date by the
 * trigger in the ApplicationProgress migration, so funnels scan one table instead of joining
 * every event. They are never written by application code.
 */
@Entity({ name: 'application' })
@Index('idx_application_programme_edition', ['programmeId', 'editionId'])
@Index('idx_application_organisation', ['organisationId'])
@Index('idx_application_channel', ['channelId'])
// The lists' default order, newest first (an expression index: created by its migration, which
// TypeORM cannot express, so it leaves it alone).
@Index('idx_application_newest', { synchronize: false })
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @ManyToOne(() => ProgrammeEntity)
  @JoinColumn({ name: 'programme_id' })
  programme!: Relation<ProgrammeEntity>;

  @Column({ name: 'edition_id', type: 'uuid' })
  editionId!: string;

  @ManyToOne(() => EditionEntity)
  @JoinColumn({ name: 'edition_id' })
  edition!: Relation<EditionEntity>;

  /** The applicant: a company (INDIVIDUAL) or a network (GROUP). */
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity)
  @JoinColumn({ name: 'organisation_id' })
  organisation!: Relation<OrganisationEntity>;

  @Column({
    name: 'registration_type',
    type: 'enum',
    enum: REGISTRATION_TYPES,
    enumName: 'registration_type',
  })
  registrationType!: RegistrationType;

  /** First-touch outreach channel ("how did you hear of us?"). */
  @Column({ name: 'channel_id', type: 'uuid', nullable: true })
  channelId!: string | null;

  @ManyToOne(() => OutreachChannelEntity)
  @JoinColumn({ name: 'channel_id' })
  channel!: Relation<OutreachChannelEntity> | null;

  @Column({ name: 'coach_id', type: 'uuid', nullable: true })
  coachId!: string | null;

  @ManyToOne(() => CoachEntity)
  @JoinColumn({ name: 'coach_id' })
  coach!: Relation<CoachEntity> | null;

  /** Companies represented: 1 for an individual registration, the member count for a group. */
  @Column({ name: 'company_count', type: 'integer', default: 1 })
  companyCount!: number;

  /** Client-chosen key so a retried submit never creates a second application. */
  @Index('uq_application_idempotency_key', { unique: true })
  @Column({ name: 'idempotency_key', type: 'varchar', length: 80, nullable: true })
  idempotencyKey!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @VersionColumn({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'stage1_at', type: 'timestamptz', nullable: true })
  stage1At!: Date | null;

  @Column({ name: 'stage2_at', type: 'timestamptz', nullable: true })
  stage2At!: Date | null;

  @Column({ name: 'stage3_at', type: 'timestamptz', nullable: true })
  stage3At!: Date | null;

  @Column({ name: 'stage4_at', type: 'timestamptz', nullable: true })
  stage4At!: Date | null;

  @Column({ name: 'exit_stage', type: 'varchar', length: 32, nullable: true })
  exitStage!: string | null;

  @Column({ name: 'exit_at', type: 'timestamptz', nullable: true })
  exitAt!: Date | null;

  @Column({ name: 'exit_reason', type: 'varchar', length: 32, nullable: true })
  exitReason!: string | null;
}

/** Companies a group registration represents. */
@Entity({ name: 'application_member' })
@Index('idx_application_member_organisation', ['organisationId'])
export class ApplicationMemberEntity {
  @Column({ name: 'application_id', type: 'uuid', primary: true })
  applicationId!: string;

  @Column({ name: 'organisation_id', type: 'uuid', primary: true })
  organisationId!: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application!: Relation<ApplicationEntity>;

  @ManyToOne(() => OrganisationEntity)
  @JoinColumn({ name: 'organisation_id' })
  organisation!: Relation<OrganisationEntity>;
}

/** An immutable stage transition; UPDATE and DELETE are refused by a trigger. */
@Entity({ name: 'application_event' })
@Index('idx_application_event_application', ['applicationId', 'occurredAt'])
@Index('idx_application_event_stage', ['stage', 'occurredAt'])
export class ApplicationEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application!: Relation<ApplicationEntity>;

  @Column({ type: 'varchar', length: 32 })
  stage!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /** Who recorded it: a user id, or a system actor such as 'import:dataset'. */
  @Column({ type: 'text' })
  actor!: string;

  /** Rejection or drop-off reason code (TIME_INVESTMENT, COST, OTHER_PRIORITIES…). */
  @Column({ name: 'reason_code', type: 'varchar', length: 32, nullable: true })
  reasonCode!: string | null;

  @Column({ name: 'reason_text', type: 'text', nullable: true })
  reasonText!: string | null;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

/** The award's participation dossier: structured answers, submitted once (then PARTICIPATED). */
@Entity({ name: 'participation_dossier' })
export class ParticipationDossierEntity {
  @Column({ name: 'application_id', type: 'uuid', primary: true })
  applicationId!: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application!: Relation<ApplicationEntity>;

  @Column({ type: 'jsonb', default: {} })
  answers!: Record<string, string>;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A file attached to an application (dossier); bytes on disk under a random name. */
@Entity({ name: 'attachment' })
@Index('idx_attachment_application', ['applicationId'])
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application!: Relation<ApplicationEntity>;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'media_type', type: 'varchar', length: 100 })
  mediaType!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 80 })
  storageKey!: string;

  @Column({ name: 'uploaded_by', type: 'text' })
  uploadedBy!: string;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;
}
