import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { OutreachChannelEntity } from './outreach.entity.js';

/** Codes are lower-case letters and digits: safe in a URL and easy to read out. */
export const REFERRAL_CODE = /^[a-z0-9]{6,32}$/;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 12 characters of a 31-letter alphabet (~59 bits): not guessable, short enough to type. */
export function newReferralCode(): string {
  return [...randomBytes(12)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

export const referralPath = (code: string) => `/aanmelden?via=${code}`;

/** The channel behind a live code, or null (unknown, revoked or malformed). */
export async function channelForCode(
  em: EntityManager | DataSource,
  code: string | null | undefined,
): Promise<OutreachChannelEntity | null> {
  const trimmed = code?.trim().toLowerCase();
  if (!trimmed || !REFERRAL_CODE.test(trimmed)) return null;
  return em.getRepository(OutreachChannelEntity).findOneBy({ referralCode: trimmed });
}
