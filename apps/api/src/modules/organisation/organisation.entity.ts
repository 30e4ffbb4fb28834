import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { OutreachChannelEntity } from '../outreach/outreach.entity.js';

export const ORGANISATION_KINDS = [
  'COMPANY',
  'NETWORK',
  'SERVICE_PROVIDER',
  'PROGRAMME_OPERATOR',
  'FUNDER',
  'INTERMEDIARY',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const SIZE_CLASSES = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'] as const;
export type SizeClassKey = (typeof SIZE_CLASSES)[number];

@Entity({ name: 'organisation' })
@Index('idx_organisation_kind_size', ['kind', 'sizeClass'])
@Index('idx_organisation_kind_province', ['kind', 'province'])
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: ORGANISATION_KINDS, enumName: 'organisation_kind' })
  kind!: OrganisationKind;

  /** KBO/BCE enterprise number, ten digits without separators; validated by @werkgezond/domain. */
  @Index('uq_organisation_kbo', { unique: true })
  @Column({ name: 'kbo_number', type: 'char', length: 10, nullable: true })
  kboNumber!: string | null;

  @Index('idx_organisation_name')
  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'employee_count', type: 'integer', nullable: true })
  employeeCount!: number | null;

  /** Derived from employeeCount on write, stored so analytics can group without recomputing. */
  @Column({
    name: 'size_class',
    type: 'enum',
    enum: SIZE_CLASSES,
    enumName: 'size_class',
    nullable: true,
  })
  sizeClass!: SizeClassKey | null;

  @Column({ name: 'nace_code', type: 'varchar', length: 8, nullable: true })
  naceCode!: string | null;

  /** NACE section letter (A–U): the sector dimension of the analytics. */
  @Column({ name: 'nace_section', type: 'char', length: 1, nullable: true })
  naceSection!: string | null;

  @Column({ type: 'text', nullable: true })
  province!: string | null;

  @Column({ type: 'text', nullable: true })
  municipality!: string | null;

  @Column({ name: 'postal_code', type: 'varchar', length: 4, nullable: true })
  postalCode!: string | null;

  @Column({ name: 'business_park', type: 'text', nullable: true })
  businessPark!: string | null;

  @Column({ name: 'has_prevention_committee', type: 'boolean', default: false })
  hasPreventionCommittee!: boolean;

  /** The outreach channel whose tracked sign-up link the company registered through. */
  @Index('idx_organisation_first_touch_channel')
  @Column({ name: 'first_touch_channel_id', type: 'uuid', nullable: true })
  firstTouchChannelId!: string | null;

  @ManyToOne(() => OutreachChannelEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'first_touch_channel_id' })
  firstTouchChannel!: Relation<OutreachChannelEntity> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /**
   * Record key of the research API's cell key perturbation (@werkgezond/domain cell-key.ts): a
   * random integer in [0, 10^9) the database assigns once, on insert. Never selected, inserted
   * or updated through the ORM, so no entity, type or export can carry it; only the research
   * SQL sums it.
   */
  @Column({
    name: 'record_key',
    type: 'integer',
    // As TypeORM reads PostgreSQL's default back (casts stripped): no false drift.
    default: () => 'floor((random() * (1000000000)))',
    select: false,
    insert: false,
    update: false,
  })
  recordKey?: number;
}

/** A network (bedrijvenvereniging) represents member companies in group registrations. */
@Entity({ name: 'network_membership' })
@Index('idx_network_membership_member', ['memberId'])
export class NetworkMembershipEntity {
  @Column({ name: 'network_id', type: 'uuid', primary: true })
  networkId!: string;

  @Column({ name: 'member_id', type: 'uuid', primary: true })
  memberId!: string;

  @Column({ name: 'joined_on', type: 'date', nullable: true })
  joinedOn!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id' })
  network!: Relation<OrganisationEntity>;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id' })
  member!: Relation<OrganisationEntity>;
}

/** A profile change with its date: the profile's history ("changes are kept with their date"). */
@Entity({ name: 'organisation_profile_change' })
@Index('idx_profile_change_org', ['organisationId', 'changedAt'])
export class OrganisationProfileChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation!: Relation<OrganisationEntity>;

  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;

  /** User id of who changed it. */
  @Column({ name: 'changed_by', type: 'text' })
  changedBy!: string;

  /** Field → { from, to } for every field that changed. */
  @Column({ type: 'jsonb' })
  changes!: Record<string, { from: unknown; to: unknown }>;
}
