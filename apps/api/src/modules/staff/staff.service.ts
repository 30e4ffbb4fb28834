import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { z } from 'zod';
import { badInput, notFound, userError } from '../../graphql/errors.js';
import { assertId } from '../../graphql/ids.js';
import type { Viewer } from '../../graphql/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { AuthService, parseInput } from '../auth/auth.service.js';
import { hashPassword } from '../auth/password.js';
import { SessionCache } from '../auth/session-cache.js';
import { hashToken } from '../auth/session-cookie.js';
import { RoleGrantEntity, type RoleKey, UserEntity } from '../auth/user.entity.js';
import { links } from '../mail/mail.config.js';
import { sendStaffInvitation } from '../mail/mail.service.js';
import { ProgrammeEntity } from '../programme/programme.entity.js';
import { InvitationEntity, STAFF_ROLES, type StaffRoleKey } from './invitation.entity.js';
import type { AcceptInvitationInput, InviteUserInput, SetUserRolesInput } from './staff.inputs.js';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** The shell's page that takes the token (apps/shell, route /uitnodiging). */
export const INVITATION_PATH = '/uitnodiging';

const rolesSchema = z
  .array(z.enum(STAFF_ROLES))
  .min(1, 'Choose at least one role')
  .transform((r) => [...new Set(r)]);
const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid e-mail address').max(254),
  roles: rolesSchema,
  programmeKeys: z.array(z.string()).max(50).nullish(),
});
const setRolesSchema = z.object({
  roles: z.array(z.enum(STAFF_ROLES)).transform((r) => [...new Set(r)]),
  programmeKeys: z.array(z.string()).max(50).nullish(),
});
const acceptSchema = z.object({
  token: z.string().regex(/^[\w-]{43}$/, 'This invitation link is not valid'),
  displayName: z.string().trim().min(1, 'Enter your name').max(120),
  password: z.string().min(12, 'Use at least 12 characters').max(200),
});

export interface StaffUserRow {
  id: string;
  email: string;
  display_name: string;
  disabled_at: Date | null;
  created_at: Date;
  roles: RoleKey[];
  programme_keys: string[];
}

/** Staff accounts: invitations, roles, deactivation. Every change is audited. */
export class StaffService {
  constructor(private readonly ds: DataSource) {}

  /** Accounts holding a staff role (or the one asked for), with their roles, in one query. */
  listUsers(onlyId?: string): Promise<StaffUserRow[]> {
    const where = onlyId
      ? 'u.id = $1'
      : `EXISTS (SELECT 1 FROM role_grant s WHERE s.user_id = u.id
                  AND s.role IN ('PROGRAMME_MANAGER', 'ANALYST', 'ADMIN'))`;
    return this.ds.query(
      `SELECT u.id, u.email, u.display_name, u.disabled_at, u.created_at,
              COALESCE(array_agg(DISTINCT g.role::text) FILTER (WHERE g.role IS NOT NULL), '{}') AS roles,
              COALESCE(array_agg(DISTINCT p.key) FILTER (WHERE p.key IS NOT NULL), '{}') AS programme_keys
         FROM app_user u
         LEFT JOIN role_grant g ON g.user_id = u.id
         LEFT JOIN programme p ON p.id = g.programme_id
        WHERE ${where}
        GROUP BY u.id ORDER BY u.email`,
      onlyId ? [onlyId] : [],
    );
  }

  listInvitations(): Promise<InvitationEntity[]> {
    return this.ds
      .getRepository(InvitationEntity)
      .createQueryBuilder('i')
      .where('i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()')
      .orderBy('i.created_at', 'DESC')
      .getMany();
  }

  /**
   * Creates the invitation and its one-time link. E-MAIL HOOK: once e-mail exists, enqueue the
   * invitation mail here, inside this transaction (`em`), with `acceptPath` and `email`.
   */
  async createInvitation(
    viewer: Viewer,
    raw: InviteUserInput,
  ): Promise<{ invitation: InvitationEntity; acceptPath: string }> {
    const input = parseInput(inviteSchema, raw);
    return this.ds.transaction(async (em) => {
      if (await em.getRepository(UserEntity).existsBy({ email: input.email }))
        throw badInput('An account with this e-mail address already exists', 'input.email');
      const programmeIds = await this.programmeIds(em, input.roles, input.programmeKeys ?? []);
      // A new invitation for the same address replaces the earlier one.
      await em.query(
        `UPDATE user_invitation SET revoked_at = now()
          WHERE email = $1 AND accepted_at IS NULL AND revoked_at IS NULL`,
        [input.email],
      );
      const token = randomBytes(32).toString('base64url');
      const invitation = await em.getRepository(InvitationEntity).save(
        em.getRepository(InvitationEntity).create({
          email: input.email,
          tokenHash: hashToken(token),
          roles: input.roles,
          programmeIds,
          invitedBy: viewer.userId,
          expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        }),
      );
      await recordAudit(em, viewer, {
        action: 'user.invite',
        entityType: 'INVITATION',
        entityId: invitation.id,
        after: { email: input.email, roles: input.roles, programmeIds },
      });
      const acceptPath = `${INVITATION_PATH}?token=${token}`;
      // The e-mail is written in this transaction: sent exactly when the invitation exists.
      await sendStaffInvitation(em, { email: input.email, link: links.path(acceptPath) });
      return { invitation, acceptPath };
    });
  }

  async revokeInvitation(viewer: Viewer, id: string): Promise<InvitationEntity> {
    return this.ds.transaction(async (em) => {
      const invitation = await em
        .getRepository(InvitationEntity)
        .findOneBy({ id: assertId(id, 'id') });
      if (!invitation || invitation.acceptedAt || invitation.revokedAt)
        throw notFound('Invitation');
      invitation.revokedAt = new Date();
      await em.update(InvitationEntity, { id: invitation.id }, { revokedAt: invitation.revokedAt });
      await recordAudit(em, viewer, {
        action: 'user.invite.revoke',
        entityType: 'INVITATION',
        entityId: invitation.id,
        before: { email: invitation.email, roles: invitation.roles },
      });
      return invitation;
    });
  }

  /** The pending invitation for a token, or NOT_FOUND (also when used, revoked or expired). */
  async pendingInvitation(em: EntityManager, token: string, lock = false) {
    if (!/^[\w-]{43}$/.test(token)) throw notFound('Invitation');
    const qb = em
      .getRepository(InvitationEntity)
      .createQueryBuilder('i')
      .where('i.token_hash = :hash', { hash: hashToken(token) })
      .andWhere('i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()');
    if (lock) qb.setLock('pessimistic_write');
    const invitation = await qb.getOne();
    if (!invitation) throw notFound('Invitation');
    return invitation;
  }

  /** Sets the password, creates the account with the invited roles and signs in. */
  async accept(raw: AcceptInvitationInput) {
    const input = parseInput(acceptSchema, raw);
    const passwordHash = await hashPassword(input.password);
    const userId = await this.ds.transaction(async (em) => {
      const invitation = await this.pendingInvitation(em, input.token, true);
      if (await em.getRepository(UserEntity).existsBy({ email: invitation.email }))
        throw userError('CONFLICT', 'An account with this e-mail address already exists');
      const user = await em.getRepository(UserEntity).save({
        email: invitation.email,
        passwordHash,
        displayName: input.displayName,
      });
      await this.writeGrants(em, user.id, invitation.roles, invitation.programmeIds);
      await em.update(InvitationEntity, { id: invitation.id }, { acceptedAt: new Date() });
      await recordAudit(
        em,
        { userId: user.id, email: user.email },
        {
          action: 'user.create',
          entityType: 'USER',
          entityId: user.id,
          after: {
            email: user.email,
            roles: invitation.roles,
            programmeIds: invitation.programmeIds,
            invitationId: invitation.id,
          },
        },
      );
      return user.id;
    });
    return new AuthService(this.ds).openSession(userId);
  }

  async setRoles(viewer: Viewer, raw: SetUserRolesInput): Promise<void> {
    const userId = assertId(raw.userId, 'input.userId');
    const input = parseInput(setRolesSchema, raw);
    if (userId === viewer.userId && !input.roles.includes('ADMIN'))
      throw badInput('You cannot remove your own administrator role', 'input.roles');
    await this.ds.transaction(async (em) => {
      const user = await this.lockedUser(em, userId);
      const before = await this.staffGrants(em, user.id);
      const programmeIds = await this.programmeIds(em, input.roles, input.programmeKeys ?? []);
      await em.delete(RoleGrantEntity, { userId: user.id, role: In([...STAFF_ROLES]) });
      await this.writeGrants(em, user.id, input.roles, programmeIds);
      await recordAudit(em, viewer, {
        action: 'user.roles',
        entityType: 'USER',
        entityId: user.id,
        before,
        after: { roles: input.roles, programmeIds },
      });
    });
    // This instance at once; the others when the role_grant trigger's notice reaches them.
    SessionCache.for(this.ds).evictUser(userId);
  }

  /**
   * Deactivates the account and deletes its sessions in the same transaction: the next request
   * with an old cookie finds no session, so access ends at once.
   */
  async setActive(viewer: Viewer, id: string, active: boolean): Promise<void> {
    const userId = assertId(id, 'userId');
    if (userId === viewer.userId && !active)
      throw badInput('You cannot deactivate your own account', 'userId');
    await this.ds.transaction(async (em) => {
      const user = await this.lockedUser(em, userId);
      const wasActive = user.disabledAt === null;
      await em.update(UserEntity, { id: user.id }, { disabledAt: active ? null : new Date() });
      if (!active) await em.query('DELETE FROM user_session WHERE user_id = $1', [user.id]);
      await recordAudit(em, viewer, {
        action: active ? 'user.activate' : 'user.deactivate',
        entityType: 'USER',
        entityId: user.id,
        before: { email: user.email, active: wasActive },
        after: { email: user.email, active },
      });
    });
    SessionCache.for(this.ds).evictUser(userId);
  }

  private async lockedUser(em: EntityManager, id: string) {
    const user = await em
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .where('u.id = :id', { id })
      .getOne();
    if (!user) throw notFound('User');
    return user;
  }

  private async staffGrants(em: EntityManager, userId: string) {
    const grants = await em
      .getRepository(RoleGrantEntity)
      .findBy({ userId, role: In([...STAFF_ROLES]) });
    return {
      roles: [...new Set(grants.map((g) => g.role))],
      programmeIds: grants.flatMap((g) => (g.programmeId ? [g.programmeId] : [])),
    };
  }

  private async programmeIds(em: EntityManager, roles: StaffRoleKey[], keys: string[]) {
    const manager = roles.includes('PROGRAMME_MANAGER');
    if (!manager) return [];
    if (keys.length === 0)
      throw badInput('A programme manager manages at least one programme', 'input.programmeKeys');
    const programmes = await em.getRepository(ProgrammeEntity).findBy({ key: In(keys) });
    const unknown = keys.filter((k) => !programmes.some((p) => p.key === k));
    if (unknown.length)
      throw badInput(`Unknown programme "${unknown[0]!.slice(0, 64)}"`, 'input.programmeKeys');
    return programmes.map((p) => p.id);
  }

  private async writeGrants(
    em: EntityManager,
    userId: string,
    roles: StaffRoleKey[],
    programmeIds: string[],
  ) {
    type Grant = Pick<RoleGrantEntity, 'userId' | 'role' | 'programmeId'>;
    const rows = roles.flatMap((role): Grant[] =>
      role === 'PROGRAMME_MANAGER'
        ? programmeIds.map((programmeId) => ({ userId, role, programmeId }))
        : [{ userId, role, programmeId: null }],
    );
    if (rows.length) await em.insert(RoleGrantEntity, rows);
  }
}
