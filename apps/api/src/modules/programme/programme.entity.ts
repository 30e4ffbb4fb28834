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

export const COMPONENT_KINDS = ['TOOLBOX', 'AWARD', 'PROCESS_GUIDANCE', 'COACHING'] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];
export const STAGE_KINDS = ['STEP', 'EXIT'] as const;
export type StageKindKey = (typeof STAGE_KINDS)[number];
/** A call is prepared (DRAFT), takes applications (OPEN) or is over (CLOSED). */
export const EDITION_STATUSES = ['DRAFT', 'OPEN', 'CLOSED'] as const;
export type EditionStatusKey = (typeof EDITION_STATUSES)[number];

/** Eligibility rules are data, evaluated by checkEligibility in @werkgezond/domain. */
export interface EligibilityRulesJson {
  kinds?: string[];
  maxEmployees?: number;
  sizeClasses?: string[];
  requiresNoPreventionCommittee?: boolean;
  provinces?: string[];
  /** NACE section letters (A–U). */
  naceSections?: string[];
}

@Entity({ name: 'programme' })
export class ProgrammeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_programme_key', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'operator_id', type: 'uuid' })
  operatorId!: string;

  @ManyToOne(() => OrganisationEntity)
  @JoinColumn({ name: 'operator_id' })
  operator!: Relation<OrganisationEntity>;

  @Column({ type: 'jsonb', default: {} })
  eligibility!: EligibilityRulesJson;

  @Column({ name: 'employer_contribution_cents', type: 'integer', nullable: true })
  employerContributionCents!: number | null;

  @Column({ name: 'approved_on', type: 'date', nullable: true })
  approvedOn!: string | null;

  @Column({ name: 'launched_on', type: 'date', nullable: true })
  launchedOn!: string | null;

  /** Follow-up worklist: approved but not started after this many days. */
  @Column({ name: 'follow_up_start_days', type: 'integer', default: 30 })
  followUpStartDays!: number;

  /** Follow-up worklist: started but no progress (no event, no contact) after this many days. */
  @Column({ name: 'follow_up_progress_days', type: 'integer', default: 90 })
  followUpProgressDays!: number;
}

@Entity({ name: 'programme_component' })
@Index('uq_programme_component_key', ['programmeId', 'key'], { unique: true })
export class ProgrammeComponentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme!: Relation<ProgrammeEntity>;

  @Column({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'enum', enum: COMPONENT_KINDS, enumName: 'component_kind' })
  kind!: ComponentKind;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'integer' })
  position!: number;
}

/** Ordered funnel stages of one programme; EXIT stages are the negative exits. */
@Entity({ name: 'stage_definition' })
@Index('uq_stage_definition_key', ['programmeId', 'key'], { unique: true })
export class StageDefinitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme!: Relation<ProgrammeEntity>;

  @Column({ type: 'varchar', length: 32 })
  key!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'enum', enum: STAGE_KINDS, enumName: 'stage_kind' })
  kind!: StageKindKey;

  /** STEP positions run 1..n and map onto application.stageN_at; EXITs have their own order. */
  @Column({ type: 'integer' })
  position!: number;

  /** EXIT only: allowed once this step is reached (drop out after approval). */
  @Column({ name: 'requires_step', type: 'varchar', length: 32, nullable: true })
  requiresStep!: string | null;

  /** EXIT only: allowed only before this step is reached (reject before approval). */
  @Column({ name: 'before_step', type: 'varchar', length: 32, nullable: true })
  beforeStep!: string | null;
}

/** A yearly round or call of a programme: the natural cohort. */
@Entity({ name: 'edition' })
@Index('uq_edition_year', ['programmeId', 'year'], { unique: true })
export class EditionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme!: Relation<ProgrammeEntity>;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'opens_on', type: 'date' })
  opensOn!: string;

  @Column({ name: 'closes_on', type: 'date', nullable: true })
  closesOn!: string | null;

  /** Applications are accepted only while OPEN and today lies between the dates. */
  @Column({
    type: 'enum',
    enum: EDITION_STATUSES,
    enumName: 'edition_status',
    default: 'DRAFT',
  })
  status!: EditionStatusKey;
}

/** A company opened a toolbox component: "use is recorded per company". */
@Entity({ name: 'toolbox_use' })
@Index('idx_toolbox_use_org', ['organisationId', 'componentId'])
export class ToolboxUseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'component_id', type: 'uuid' })
  componentId!: string;

  @ManyToOne(() => ProgrammeComponentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'component_id' })
  component!: Relation<ProgrammeComponentEntity>;

  @Column({ name: 'used_by', type: 'text' })
  usedBy!: string;

  @Column({ name: 'used_at', type: 'timestamptz' })
  usedAt!: Date;
}
