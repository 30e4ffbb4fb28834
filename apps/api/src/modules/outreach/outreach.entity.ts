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

export const CHANNEL_KINDS = [
  'MEMBER_ASSOCIATION_MAILING',
  'NEWSPAPER',
  'TRADE_PRESS',
  'SOCIAL_MEDIA',
  'PREVENTION_SERVICE',
  'WEBSITE',
  'WORD_OF_MOUTH',
  'EMPLOYER_ORGANISATION',
  'OTHER',
] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** How a company heard of a programme (first touch): Prebes, Metro, HR magazines, Facebook… */
@Entity({ name: 'outreach_channel' })
export class OutreachChannelEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_outreach_channel_key', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'enum', enum: CHANNEL_KINDS, enumName: 'channel_kind' })
  kind!: ChannelKind;

  /** The intermediary behind the channel (Prebes, UNIZO, an external prevention service). */
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId!: string | null;

  @ManyToOne(() => OrganisationEntity)
  @JoinColumn({ name: 'organisation_id' })
  organisation!: Relation<OrganisationEntity> | null;

  /** The code of the channel's tracked sign-up link (/aanmelden?via=<code>); null: no link. */
  @Index('uq_outreach_channel_referral_code', { unique: true })
  @Column({ name: 'referral_code', type: 'varchar', length: 32, nullable: true })
  referralCode!: string | null;

  @Column({ name: 'referral_issued_at', type: 'timestamptz', nullable: true })
  referralIssuedAt!: Date | null;
}

@Entity({ name: 'campaign' })
@Index('idx_campaign_channel', ['channelId'])
export class CampaignEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId!: string;

  @ManyToOne(() => OutreachChannelEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel!: Relation<OutreachChannelEntity>;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @ManyToOne(() => ProgrammeEntity)
  @JoinColumn({ name: 'programme_id' })
  programme!: Relation<ProgrammeEntity>;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  agency!: string | null;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @Column({ name: 'cost_cents', type: 'bigint' })
  costCents!: string;
}
