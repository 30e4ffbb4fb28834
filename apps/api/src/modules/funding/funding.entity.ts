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

export const EXPENDITURE_CATEGORIES = [
  'COACH_FEES',
  'CAMPAIGN',
  'AWARD_ORGANISATION',
  'PROCESS_GUIDANCE',
  'ADMINISTRATION',
  'DEVELOPMENT',
] as const;
export type ExpenditureCategory = (typeof EXPENDITURE_CATEGORIES)[number];

/** Who pays: the European Social Fund, the Flemish government… */
@Entity({ name: 'funding_source' })
export class FundingSourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_funding_source_key', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId!: string | null;

  @ManyToOne(() => OrganisationEntity)
  @JoinColumn({ name: 'organisation_id' })
  organisation!: Relation<OrganisationEntity> | null;
}

/** Money is stored as integer euro cents (bigint; pg returns it as a string). */
@Entity({ name: 'budget_allocation' })
@Index('idx_budget_allocation_programme_year', ['programmeId', 'year'])
export class BudgetAllocationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @ManyToOne(() => ProgrammeEntity)
  @JoinColumn({ name: 'programme_id' })
  programme!: Relation<ProgrammeEntity>;

  @Column({ name: 'funding_source_id', type: 'uuid' })
  fundingSourceId!: string;

  @ManyToOne(() => FundingSourceEntity)
  @JoinColumn({ name: 'funding_source_id' })
  fundingSource!: Relation<FundingSourceEntity>;

  /** Budget year; null when the allocation covers the whole programme (e.g. 3 M€ in 2016). */
  @Column({ type: 'integer', nullable: true })
  year!: number | null;

  @Column({ name: 'edition_id', type: 'uuid', nullable: true })
  editionId!: string | null;

  @ManyToOne(() => EditionEntity)
  @JoinColumn({ name: 'edition_id' })
  edition!: Relation<EditionEntity> | null;

  @Column({ name: 'amount_cents', type: 'bigint' })
  amountCents!: string;

  @Column({ type: 'text', default: '' })
  description!: string;
}

@Entity({ name: 'expenditure' })
@Index('idx_expenditure_programme_spent', ['programmeId', 'spentOn'])
export class ExpenditureEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @ManyToOne(() => ProgrammeEntity)
  @JoinColumn({ name: 'programme_id' })
  programme!: Relation<ProgrammeEntity>;

  @Column({ name: 'funding_source_id', type: 'uuid', nullable: true })
  fundingSourceId!: string | null;

  @ManyToOne(() => FundingSourceEntity)
  @JoinColumn({ name: 'funding_source_id' })
  fundingSource!: Relation<FundingSourceEntity> | null;

  @Column({ name: 'edition_id', type: 'uuid', nullable: true })
  editionId!: string | null;

  @Column({
    type: 'enum',
    enum: EXPENDITURE_CATEGORIES,
    enumName: 'expenditure_category',
  })
  category!: ExpenditureCategory;

  @Column({ name: 'amount_cents', type: 'bigint' })
  amountCents!: string;

  @Column({ name: 'spent_on', type: 'date' })
  spentOn!: string;

  /** The application the money was spent on (coach fee of one trajectory), if any. */
  @Index('idx_expenditure_application')
  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId!: string | null;

  @Column({ type: 'text', default: '' })
  description!: string;
}
