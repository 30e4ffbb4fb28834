import { isValidKbo, naceSectionOf, normaliseKbo, sizeClassOf } from '@werkgezond/domain';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { preparedQuery } from '../../database/prepared.js';
import { badInput, userError } from '../../graphql/errors.js';
import type { Viewer } from '../../graphql/policy.js';
import { OrganisationEntity } from '../organisation/organisation.entity.js';
import { channelForCode } from '../outreach/referral-code.js';
import type { SignInInput, SignUpInput } from './auth.inputs.js';
import { dummyHash, hashPassword, verifyPassword } from './password.js';
import { SessionCache } from './session-cache.js';
import { hashToken, newSessionToken, SESSION_TTL_MS } from './session-cookie.js';
import { signInLimiter } from './sign-in-limiter.js';
import type { RoleKey } from './user.entity.js';
import { RoleGrantEntity, SessionEntity, UserEntity } from './user.entity.js';

interface ViewerRow {
  session_id: string;
  user_id: string;
  email: string;
  display_name: string;
  expires_at: Date;
  grants: { role: RoleKey; organisation_id: string | null; programme_id: string | null }[] | null;
}

const signUpSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid e-mail address').max(254),
  password: z.string().min(12, 'Use at least 12 characters').max(200),
  displayName: z.string().trim().min(1, 'Enter your name').max(120),
  kboNumber: z.string().refine(isValidKbo, 'Not a valid KBO number (check the ten digits)'),
  organisationName: z.string().trim().min(2, 'Enter the company name').max(200),
  employeeCount: z.number().int().min(0, 'Cannot be negative').max(1_000_000),
  municipality: z.string().trim().max(100).nullish(),
  province: z.string().trim().max(100).nullish(),
  naceCode: z
    .string()
    .trim()
    .regex(/^\d{2}(\.\d{1,3})?$/, 'NACE code looks like 10.71')
    .nullish(),
  hasPreventionCommittee: z.boolean(),
  language: z.enum(['nl', 'en']).nullish(),
  via: z.string().max(200).nullish(),
});

/** First zod issue as a typed BAD_USER_INPUT error naming the field. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, prefix = 'input'): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw badInput(issue.message, [prefix, ...issue.path].join('.'));
}

export class AuthService {
  constructor(private readonly ds: DataSource) {}

  /**
   * The signed-in viewer: from the instance's session cache (kept in step with the database by
   * notices, see session-cache.ts) or by one query, session + user + grants. Extends a sliding
   * session at most once a minute.
   */
  viewerForToken(token: string): Promise<Viewer | null> {
    const tokenHash = hashToken(token);
    return SessionCache.for(this.ds).lookup(tokenHash, () => this.readViewer(tokenHash));
  }

  private async readViewer(tokenHash: string): Promise<{ viewer: Viewer; expiresAt: Date } | null> {
    // A prepared statement, planned once per connection.
    const [row] = await preparedQuery<ViewerRow>(
      this.ds,
      'wg_viewer_for_token',
      `SELECT s.id AS session_id, u.id AS user_id, u.email, u.display_name, s.expires_at,
              (SELECT json_agg(json_build_object('role', g.role, 'organisation_id', g.organisation_id,
                      'programme_id', g.programme_id)) FROM role_grant g WHERE g.user_id = u.id) AS grants
         FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
          AND u.disabled_at IS NULL`,
      [tokenHash],
    );
    if (!row) return null;
    let expiresAt = new Date(row.expires_at);
    if (expiresAt.getTime() - Date.now() < SESSION_TTL_MS - 60_000) {
      expiresAt = new Date(Date.now() + SESSION_TTL_MS);
      await this.ds.query(`UPDATE user_session SET expires_at = $2 WHERE id = $1`, [
        row.session_id,
        expiresAt,
      ]);
    }
    const grants = row.grants ?? [];
    const ids = (role: RoleKey, key: 'organisation_id' | 'programme_id') =>
      grants.filter((g) => g.role === role && g[key]).map((g) => g[key] as string);
    const viewer: Viewer = {
      userId: row.user_id,
      sessionId: row.session_id,
      email: row.email,
      displayName: row.display_name,
      roles: new Set(grants.map((g) => g.role)),
      organisationIds: ids('PARTICIPANT', 'organisation_id'),
      networkIds: ids('NETWORK_COORDINATOR', 'organisation_id'),
      programmeIds: ids('PROGRAMME_MANAGER', 'programme_id'),
    };
    return { viewer, expiresAt };
  }

  async signIn(input: SignInInput, address: string): Promise<{ token: string; viewer: Viewer }> {
    const email = input.email.trim().toLowerCase();
    if (!email || !input.password)
      throw badInput('Enter your e-mail address and password', 'input.email');
    const limiter = signInLimiter(this.ds);
    await limiter.assertAllowed(email, address);
    const user = await this.ds.getRepository(UserEntity).findOneBy({ email });
    const ok =
      user && !user.disabledAt
        ? await verifyPassword(user.passwordHash, input.password)
        : await verifyPassword(await dummyHash(), input.password).then(() => false);
    if (!user || !ok) {
      await limiter.recordFailure(email, address);
      throw userError('UNAUTHENTICATED', 'E-mail address or password is incorrect');
    }
    await limiter.recordSuccess(email);
    return this.openSession(user.id);
  }

  async signOut(viewer: Viewer): Promise<void> {
    await this.ds.query('UPDATE user_session SET revoked_at = now() WHERE id = $1', [
      viewer.sessionId,
    ]);
    // This instance at once; the others when the trigger's notice reaches them.
    SessionCache.for(this.ds).evictUser(viewer.userId);
  }

  async signUp(raw: SignUpInput): Promise<{ token: string; viewer: Viewer }> {
    const input = parseInput(signUpSchema, raw);
    const kbo = normaliseKbo(input.kboNumber)!;
    const userId = await this.ds.transaction(async (em) => {
      if (await em.getRepository(UserEntity).existsBy({ email: input.email })) {
        throw badInput('An account with this e-mail address already exists', 'input.email');
      }
      if (await em.getRepository(OrganisationEntity).existsBy({ kboNumber: kbo })) {
        throw badInput(
          'This company is already registered; ask its administrator to add you',
          'input.kboNumber',
        );
      }
      // A referral link's channel is the first touch; a stale or mistyped code is no reason to
      // turn a company away, so it is ignored (the sign-up page already said so).
      const channel = await channelForCode(em, input.via);
      const org = await em.getRepository(OrganisationEntity).save({
        firstTouchChannelId: channel?.id ?? null,
        kind: 'COMPANY',
        kboNumber: kbo,
        name: input.organisationName,
        employeeCount: input.employeeCount,
        sizeClass: sizeClassOf(input.employeeCount),
        naceCode: input.naceCode ?? null,
        naceSection: naceSectionOf(input.naceCode),
        municipality: input.municipality ?? null,
        province: input.province ?? null,
        hasPreventionCommittee: input.hasPreventionCommittee,
      });
      const user = await em.getRepository(UserEntity).save({
        email: input.email,
        passwordHash: await hashPassword(input.password),
        displayName: input.displayName,
        language: input.language ?? 'nl',
      });
      await em
        .getRepository(RoleGrantEntity)
        .save({ userId: user.id, role: 'PARTICIPANT', organisationId: org.id });
      return user.id;
    });
    return this.openSession(userId);
  }

  async openSession(userId: string): Promise<{ token: string; viewer: Viewer }> {
    const token = newSessionToken();
    await this.ds.getRepository(SessionEntity).insert({
      tokenHash: hashToken(token),
      userId,
      expiresAt: new Date(Date.now() + SESSION_TTL_MS),
    });
    const viewer = await this.viewerForToken(token);
    if (!viewer) throw new Error('session vanished right after creation');
    return { token, viewer };
  }
}
