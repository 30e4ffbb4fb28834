import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { In } from 'typeorm';
import type { Context } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { requireViewer } from '../../graphql/policy.js';
import { Viewer } from '../auth/auth.types.js';
import { writeSessionCookie } from '../auth/session-cookie.js';
import { ProgrammeEntity } from '../programme/programme.entity.js';
import type { InvitationEntity } from './invitation.entity.js';
import { AcceptInvitationInput, InviteUserInput, SetUserRolesInput } from './staff.inputs.js';
import { StaffService, type StaffUserRow } from './staff.service.js';
import { CreatedInvitation, Invitation, InvitationPreview, StaffUser } from './staff.types.js';

const toUser = (r: StaffUserRow): StaffUser =>
  Object.assign(new StaffUser(), {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    roles: r.roles,
    programmeKeys: r.programme_keys,
    active: r.disabled_at === null,
    createdAt: r.created_at,
  });

async function toInvitation(ctx: Context, i: InvitationEntity): Promise<Invitation> {
  const programmes = i.programmeIds.length
    ? await ctx.dataSource.getRepository(ProgrammeEntity).findBy({ id: In(i.programmeIds) })
    : [];
  return Object.assign(new Invitation(), {
    id: i.id,
    email: i.email,
    roles: i.roles,
    programmeKeys: programmes.map((p) => p.key),
    createdAt: i.createdAt,
    expiresAt: i.expiresAt,
    acceptedAt: i.acceptedAt,
  });
}

/** Back office: staff accounts. Only administrators; accepting an invitation is public. */
@Resolver()
export class StaffResolver {
  @Authorized('ADMIN')
  @Query(() => [StaffUser], { description: 'Accounts with a staff role.' })
  async staffUsers(@Ctx() ctx: Context): Promise<StaffUser[]> {
    return (await new StaffService(ctx.dataSource).listUsers()).map(toUser);
  }

  @Authorized('ADMIN')
  @Query(() => [Invitation], { description: 'Invitations not yet accepted, revoked or expired.' })
  async pendingInvitations(@Ctx() ctx: Context): Promise<Invitation[]> {
    const rows = await new StaffService(ctx.dataSource).listInvitations();
    return Promise.all(rows.map((r) => toInvitation(ctx, r)));
  }

  @Query(() => InvitationPreview, {
    description: 'The invitation behind a one-time link; NOT_FOUND once used or expired.',
  })
  async invitation(
    @Arg('token', () => String) token: string,
    @Ctx() ctx: Context,
  ): Promise<InvitationPreview> {
    const i = await new StaffService(ctx.dataSource).pendingInvitation(
      ctx.dataSource.manager,
      token,
    );
    return { email: i.email, roles: i.roles, expiresAt: i.expiresAt };
  }

  @Authorized('ADMIN')
  @Mutation(() => CreatedInvitation, {
    description: 'Invites a staff user; the one-time link is in the answer (shown once).',
  })
  async inviteUser(
    @Arg('input', () => InviteUserInput) input: InviteUserInput,
    @Ctx() ctx: Context,
  ): Promise<CreatedInvitation> {
    const created = await new StaffService(ctx.dataSource).createInvitation(
      requireViewer(ctx),
      input,
    );
    return {
      invitation: await toInvitation(ctx, created.invitation),
      acceptPath: created.acceptPath,
    };
  }

  @Authorized('ADMIN')
  @Mutation(() => Invitation)
  async revokeInvitation(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<Invitation> {
    const row = await new StaffService(ctx.dataSource).revokeInvitation(requireViewer(ctx), id);
    return toInvitation(ctx, row);
  }

  @Mutation(() => Viewer, {
    description: 'Sets a password for an invitation, creates the account and signs in.',
  })
  async acceptInvitation(
    @Arg('input', () => AcceptInvitationInput) input: AcceptInvitationInput,
    @Ctx() ctx: Context,
  ): Promise<Viewer> {
    const { token, viewer } = await new StaffService(ctx.dataSource).accept(input);
    writeSessionCookie(ctx.req, ctx.res, token);
    ctx.viewer = viewer;
    return Viewer.from(viewer);
  }

  @Authorized('ADMIN')
  @Mutation(() => StaffUser, { description: "Replaces a user's staff roles." })
  async setUserRoles(
    @Arg('input', () => SetUserRolesInput) input: SetUserRolesInput,
    @Ctx() ctx: Context,
  ): Promise<StaffUser> {
    const service = new StaffService(ctx.dataSource);
    await service.setRoles(requireViewer(ctx), input);
    return this.reload(service, input.userId);
  }

  @Authorized('ADMIN')
  @Mutation(() => StaffUser, { description: 'Deactivates an account and ends its sessions now.' })
  async deactivateUser(
    @Arg('userId', () => ID) userId: string,
    @Ctx() ctx: Context,
  ): Promise<StaffUser> {
    const service = new StaffService(ctx.dataSource);
    await service.setActive(requireViewer(ctx), userId, false);
    return this.reload(service, userId);
  }

  @Authorized('ADMIN')
  @Mutation(() => StaffUser)
  async reactivateUser(
    @Arg('userId', () => ID) userId: string,
    @Ctx() ctx: Context,
  ): Promise<StaffUser> {
    const service = new StaffService(ctx.dataSource);
    await service.setActive(requireViewer(ctx), userId, true);
    return this.reload(service, userId);
  }

  private async reload(service: StaffService, userId: string): Promise<StaffUser> {
    const [row] = await service.listUsers(userId.toLowerCase());
    if (!row) throw notFound('User');
    return toUser(row);
  }
}
