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
import { ResearchApiKeyEntity } from './research-key.entity.js';

/**
 * One request to the research endpoint by an API key: what was asked (the document, its
 * operation and variables), when, what it cost and how it ended. Kept in PostgreSQL so every
 * instance writes to the same log and an administrator can read a key's history (a differencing
 * attack needs many requests; the log is where they show).
 */
@Entity({ name: 'research_query_log' })
@Index('idx_research_query_log_key_at', ['keyId', 'at'])
export class ResearchQueryLogEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'key_id', type: 'uuid' })
  keyId!: string;

  @ManyToOne(() => ResearchApiKeyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'key_id' })
  key!: Relation<ResearchApiKeyEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ name: 'operation_name', type: 'text', nullable: true })
  operationName!: string | null;

  /** The root fields asked for (aliases resolved to field names), in document order. */
  @Column({ name: 'root_fields', type: 'text', array: true, default: () => "'{}'" })
  rootFields!: string[];

  /** The GraphQL document as sent (the endpoint refuses documents over 16 KiB). */
  @Column({ type: 'text' })
  query!: string;

  @Column({ type: 'jsonb', nullable: true })
  variables!: Record<string, unknown> | null;

  /** Points the request was priced at (charged unless a dry run or refused). */
  @Column({ type: 'integer', default: 0 })
  cost!: number;

  @Column({ name: 'dry_run', type: 'boolean', default: false })
  dryRun!: boolean;

  /** OK, or the first error's code (QUERY_TOO_COMPLEX, RATE_LIMITED, POPULATION_TOO_SMALL…). */
  @Column({ type: 'text' })
  outcome!: string;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs!: number;
}
