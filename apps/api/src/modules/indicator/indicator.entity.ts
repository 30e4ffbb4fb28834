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

/** Health-policy indicator score (0–100) of an organisation at a date. */
@Entity({ name: 'indicator_measurement' })
@Index('idx_indicator_org_date', ['organisationId', 'measuredOn'])
export class IndicatorMeasurementEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation!: Relation<OrganisationEntity>;

  @Column({ name: 'measured_on', type: 'date' })
  measuredOn!: string;

  @Column({ type: 'numeric', precision: 5, scale: 2 })
  score!: string;

  @Column({ type: 'text', default: '' })
  source!: string;
}
