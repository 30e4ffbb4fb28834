import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { IndicatorMeasurementEntity } from '../indicator/indicator.entity.js';
import { OrganisationEntity } from '../organisation/organisation.entity.js';

/** One answer level of the instrument's points scale, in both languages. */
export interface ScanLevel {
  points: number;
  label: string;
  labelEn: string;
}

/** A suggestion for a low-scoring domain, pointing at a toolbox component. */
export interface ScanSuggestionJson {
  text: string;
  textEn: string;
  programmeKey: string;
  componentKey: string;
}

/**
 * A version of the health-policy scan (gezondheidsbeleid-scan). The instrument is data:
 * a new version is new rows, and every scan keeps the version it was taken with.
 */
@Entity({ name: 'scan_instrument' })
@Index('uq_scan_instrument_version', ['key', 'version'], { unique: true })
export class ScanInstrumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'title_en', type: 'text' })
  titleEn!: string;

  /** The points scale every item is answered on (0 … max). */
  @Column({ type: 'jsonb' })
  levels!: ScanLevel[];

  @Column({ name: 'published_on', type: 'date' })
  publishedOn!: string;
}

@Entity({ name: 'scan_domain' })
@Index('uq_scan_domain_key', ['instrumentId', 'key'], { unique: true })
export class ScanDomainEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'instrument_id', type: 'uuid' })
  instrumentId!: string;

  @ManyToOne(() => ScanInstrumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'instrument_id' })
  instrument!: Relation<ScanInstrumentEntity>;

  @Column({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ name: 'label_en', type: 'text' })
  labelEn!: string;

  @Column({ type: 'jsonb', default: [] })
  suggestions!: ScanSuggestionJson[];

  @Column({ type: 'integer' })
  position!: number;
}

@Entity({ name: 'scan_item' })
@Index('uq_scan_item_key', ['instrumentId', 'key'], { unique: true })
export class ScanItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'instrument_id', type: 'uuid' })
  instrumentId!: string;

  @ManyToOne(() => ScanInstrumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'instrument_id' })
  instrument!: Relation<ScanInstrumentEntity>;

  @Column({ name: 'domain_key', type: 'varchar', length: 64 })
  domainKey!: string;

  @Column({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'text_en', type: 'text' })
  textEn!: string;

  @Column({ name: 'max_points', type: 'integer' })
  maxPoints!: number;

  @Column({ type: 'boolean', default: true })
  required!: boolean;

  @Column({ type: 'integer' })
  position!: number;
}

export const SCAN_STATUSES = ['DRAFT', 'SUBMITTED'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

/**
 * One scan of an organisation: a draft until submitted, then fixed. A company has at most one
 * draft; re-taking the scan starts a new one. A submitted scan is also the organisation's
 * health-policy indicator measurement on that day (indicator_measurement_id).
 */
@Entity({ name: 'health_policy_scan' })
@Index('idx_health_policy_scan_org', ['organisationId', 'submittedAt'])
@Index('uq_health_policy_scan_draft', ['organisationId'], {
  unique: true,
  where: `"status" = 'DRAFT'`,
})
export class HealthPolicyScanEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation!: Relation<OrganisationEntity>;

  @Column({ name: 'instrument_id', type: 'uuid' })
  instrumentId!: string;

  @ManyToOne(() => ScanInstrumentEntity)
  @JoinColumn({ name: 'instrument_id' })
  instrument!: Relation<ScanInstrumentEntity>;

  @Column({ type: 'enum', enum: SCAN_STATUSES, enumName: 'scan_status' })
  status!: ScanStatus;

  /** Points per item key. */
  @Column({ type: 'jsonb', default: {} })
  answers!: Record<string, number>;

  /** Overall score 0–100, set on submit. */
  @Column({ type: 'numeric', precision: 5, scale: 1, nullable: true })
  score!: string | null;

  /** Score per domain key, set on submit. */
  @Column({ name: 'domain_scores', type: 'jsonb', nullable: true })
  domainScores!: Record<string, number | null> | null;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'indicator_measurement_id', type: 'uuid', nullable: true })
  indicatorMeasurementId!: string | null;

  @ManyToOne(() => IndicatorMeasurementEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'indicator_measurement_id' })
  indicatorMeasurement!: Relation<IndicatorMeasurementEntity> | null;
}
