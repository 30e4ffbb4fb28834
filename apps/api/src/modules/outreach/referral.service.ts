import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { notFound, userError } from '../../graphql/errors.js';
import type { Viewer } from '../../graphql/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { parseInput } from '../auth/auth.service.js';
import { OutreachChannelEntity } from './outreach.entity.js';
import { newReferralCode } from './referral-code.js';

export interface ReferralChannelRow {
  id: string;
  key: string;
  name: string;
  kind: string;
  referral_code: string | null;
  referral_issued_at: Date | null;
  sign_ups: number;
  applications: number;
}

const channelKey = z.string().trim().min(1, 'Choose a channel').max(64);

/** Tracked sign-up links of outreach channels (first-touch attribution without self-report). */
export class ReferralService {
  constructor(private readonly ds: DataSource) {}

  /** Every channel with its link and what came through it, counted in one statement. */
  async list(): Promise<ReferralChannelRow[]> {
    return this.ds.query(
      `SELECT c.id, c.key, c.name, c.kind::text AS kind, c.referral_code, c.referral_issued_at,
              (SELECT count(*) FROM organisation o WHERE o.first_touch_channel_id = c.id)::int AS sign_ups,
              (SELECT count(*) FROM application a JOIN organisation o ON o.id = a.organisation_id
                WHERE o.first_touch_channel_id = c.id AND a.channel_id = c.id)::int AS applications
         FROM outreach_channel c
        ORDER BY c.name, c.key`,
    );
  }

  async create(viewer: Viewer, rawKey: string): Promise<ReferralChannelRow> {
    const key = parseInput(channelKey, rawKey, 'channelKey');
    const id = await this.ds.transaction(async (em) => {
      const channel = await this.lockChannel(em, key);
      if (channel.referralCode)
        throw userError(
          'CONFLICT',
          'This channel already has a sign-up link; revoke it first to issue a new one',
          { field: 'channelKey' },
        );
      const code = newReferralCode();
      await em.update(
        OutreachChannelEntity,
        { id: channel.id },
        { referralCode: code, referralIssuedAt: new Date() },
      );
      await recordAudit(em, viewer, {
        action: 'referral.create',
        entityType: 'OUTREACH_CHANNEL',
        entityId: channel.id,
        before: { key: channel.key, referralCode: null },
        after: { key: channel.key, referralCode: code },
      });
      return channel.id;
    });
    return this.row(id);
  }

  /** The link stops working; companies that signed up through it keep their channel. */
  async revoke(viewer: Viewer, rawKey: string): Promise<ReferralChannelRow> {
    const key = parseInput(channelKey, rawKey, 'channelKey');
    const id = await this.ds.transaction(async (em) => {
      const channel = await this.lockChannel(em, key);
      if (!channel.referralCode) throw notFound('Sign-up link');
      await em.update(
        OutreachChannelEntity,
        { id: channel.id },
        { referralCode: null, referralIssuedAt: null },
      );
      await recordAudit(em, viewer, {
        action: 'referral.revoke',
        entityType: 'OUTREACH_CHANNEL',
        entityId: channel.id,
        before: { key: channel.key, referralCode: channel.referralCode },
        after: { key: channel.key, referralCode: null },
      });
      return channel.id;
    });
    return this.row(id);
  }

  private async lockChannel(em: EntityManager, key: string) {
    const channel = await em
      .getRepository(OutreachChannelEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.key = :key', { key })
      .getOne();
    if (!channel) throw notFound('Channel');
    return channel;
  }

  private async row(id: string): Promise<ReferralChannelRow> {
    const rows = await this.list();
    return rows.find((r) => r.id === id)!;
  }
}
