import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One back-office change: who, when, what, before/after. Rows are immutable (a trigger refuses
 * UPDATE and DELETE). No foreign keys, so the record outlives the user and the changed row.
 */
@Entity({ name: 'audit_record' })
@Index('idx_audit_record_entity', ['entityType', 'entityId'])
@Index('idx_audit_record_occurred', ['occurredAt'])
export class AuditRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  /** Kept beside the id: the audit trail must read the same after the user is gone. */
  @Column({ name: 'actor_email', type: 'text' })
  actorEmail!: string;

  /** e.g. programme.create, edition.update, coach.update, user.invite, user.deactivate. */
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 32 })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'text' })
  entityId!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;
}
