import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { ApplicationEntity } from '../application/application.entity.js';

export const CONTACT_KINDS = ['REMINDER', 'CALL'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CALL_OUTCOMES = [
  'WILL_START',
  'NEEDS_TIME',
  'NOT_INTERESTED',
  'NO_ANSWER',
  'CALL_BACK',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/**
 * A follow-up contact with the applicant (a reminder e-mail or a phone call). A separate table,
 * not an application_event: contacts are not stages, so the funnel and its rollup ignore them.
 */
@Entity({ name: 'application_contact' })
@Index('idx_application_contact_application', ['applicationId', 'occurredAt'])
export class ApplicationContactEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application!: Relation<ApplicationEntity>;

  @Column({ type: 'varchar', length: 10 })
  kind!: ContactKind;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  outcome!: CallOutcome | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** The reminder's outbox row. */
  @Column({ name: 'mail_id', type: 'uuid', nullable: true })
  mailId!: string | null;
}
