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
import { UserEntity } from '../modules/auth/user.entity.js';

/**
 * An API key of the research endpoint. The key itself is shown once, on creation; the table
 * keeps only its SHA-256 (keys are 256-bit random, so a fast unsalted hash used as a lookup
 * index is safe: there is nothing to guess from it) and a short prefix to recognise it by.
 */
@Entity({ name: 'research_api_key' })
export class ResearchApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The first characters of the key, e.g. "wg_3fA9k2", for lists and audit logs. */
  @Column({ type: 'varchar', length: 16 })
  prefix!: string;

  /** Lower-case hex SHA-256 of the whole key. */
  @Index('uq_research_api_key_hash', { unique: true })
  @Column({ name: 'key_hash', type: 'char', length: 64 })
  keyHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** The admin who created it; null for keys loaded with the demo dataset. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator!: Relation<UserEntity> | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  /** Updated at most once a minute per key. */
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
