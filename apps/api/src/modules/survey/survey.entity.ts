import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import { EditionEntity, ProgrammeEntity } from '../programme/programme.entity.js';

export const QUESTION_KINDS = ['SCALE', 'CHOICE', 'BOOLEAN', 'TEXT'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
/** DRAFT: being built, invisible to companies; PUBLISHED: answerable and sent; ARCHIVED: withdrawn. */
export const SURVEY_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];
/** When an application's companies are invited: at the approval decision or at completion. */
export const SURVEY_MOMENTS = ['AFTER_APPROVAL', 'AFTER_COMPLETION'] as const;
export type SurveyMoment = (typeof SURVEY_MOMENTS)[number];

@Entity({ name: 'survey' })
export class SurveyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_survey_key', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @ManyToOne(() => ProgrammeEntity)
  @JoinColumn({ name: 'programme_id' })
  programme!: Relation<ProgrammeEntity>;

  @Column({ name: 'edition_id', type: 'uuid', nullable: true })
  editionId!: string | null;

  @ManyToOne(() => EditionEntity)
  @JoinColumn({ name: 'edition_id' })
  edition!: Relation<EditionEntity> | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'opens_on', type: 'date' })
  opensOn!: string;

  @Column({ name: 'closes_on', type: 'date', nullable: true })
  closesOn!: string | null;

  @Column({ type: 'enum', enum: SURVEY_STATUSES, enumName: 'survey_status', default: 'DRAFT' })
  status!: SurveyStatus;

  /** Null: no automatic invitation (surveys handed out another way, e.g. with the dossier). */
  @Column({ type: 'enum', enum: SURVEY_MOMENTS, enumName: 'survey_moment', nullable: true })
  moment!: SurveyMoment | null;

  /** The version new responses answer; earlier versions' questions stay for their responses. */
  @Column({ name: 'current_version', type: 'integer', default: 1 })
  currentVersion!: number;
}

@Entity({ name: 'survey_question' })
@Index('uq_survey_question_version_key', ['surveyId', 'version', 'key'], { unique: true })
export class SurveyQuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'survey_id', type: 'uuid' })
  surveyId!: string;

  @ManyToOne(() => SurveyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id' })
  survey!: Relation<SurveyEntity>;

  /** The survey version this question belongs to (1, 2, …). */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'boolean', default: false })
  required!: boolean;

  @Column({ type: 'enum', enum: QUESTION_KINDS, enumName: 'question_kind' })
  kind!: QuestionKind;

  /** Allowed answers for CHOICE questions, min/max for SCALE. */
  @Column({ type: 'jsonb', default: {} })
  options!: Record<string, unknown>;

  /** The programme component (toolbox part) the question is about, if any. */
  @Column({ name: 'component_key', type: 'varchar', length: 64, nullable: true })
  componentKey!: string | null;

  @Column({ type: 'integer' })
  position!: number;
}

/** One response per organisation per survey; answers keyed by question key. */
@Entity({ name: 'survey_response' })
@Index('uq_survey_response_org', ['surveyId', 'organisationId'], { unique: true })
export class SurveyResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'survey_id', type: 'uuid' })
  surveyId!: string;

  @ManyToOne(() => SurveyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id' })
  survey!: Relation<SurveyEntity>;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity)
  @JoinColumn({ name: 'organisation_id' })
  organisation!: Relation<OrganisationEntity>;

  /** The survey version whose questions this response answered. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'jsonb', default: {} })
  answers!: Record<string, string | number | boolean | null>;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
