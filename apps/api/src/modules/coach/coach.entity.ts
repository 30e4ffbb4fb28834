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
import { ProgrammeEntity } from '../programme/programme.entity.js';

/** A health coach (gezondheidscoach): a person at a service provider. */
@Entity({ name: 'coach' })
@Index('idx_coach_service_provider', ['serviceProviderId'])
export class CoachEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @ManyToOne(() => ProgrammeEntity)
  @JoinColumn({ name: 'programme_id' })
  programme!: Relation<ProgrammeEntity>;

  @Column({ name: 'service_provider_id', type: 'uuid' })
  serviceProviderId!: string;

  @ManyToOne(() => OrganisationEntity)
  @JoinColumn({ name: 'service_provider_id' })
  serviceProvider!: Relation<OrganisationEntity>;

  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  @Column({ name: 'active_from', type: 'date' })
  activeFrom!: string;

  @Column({ name: 'active_until', type: 'date', nullable: true })
  activeUntil!: string | null;

  /** Most trajectories the coach runs at once; null = no limit recorded. */
  @Column({ type: 'integer', nullable: true })
  capacity!: number | null;

  /** An inactive coach stays on the roster (history) but gets no new trajectories. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;
  /** Contact shared with the company when the coach is assigned. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone!: string | null;
}
