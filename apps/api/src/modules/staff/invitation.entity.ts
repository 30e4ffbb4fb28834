import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const STAFF_ROLES = ['PROGRAMME_MANAGER', 'ANALYST', 'ADMIN'] as const;
export type StaffRoleKey = (typeof STAFF_ROLES)[number];

/**
 * An invitation to a staff account: one-time link (only its SHA-256 is stored), the roles the
 * account gets when the invitee sets a password.
 */
@Entity({ name: 'user_invitation' })
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Index('uq_user_invitation_token', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ type: 'jsonb' })
  roles!: StaffRoleKey[];

  /** PROGRAMME_MANAGER: the programmes managed. */
  @Column({ name: 'programme_ids', type: 'jsonb', default: [] })
  programmeIds!: string[];

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
