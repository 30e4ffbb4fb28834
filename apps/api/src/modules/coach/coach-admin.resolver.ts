import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { requireViewer } from '../../graphql/policy.js';
import { Coach, CoachRosterEntry } from './coach.types.js';
import { CreateCoachInput, UpdateCoachInput } from './coach-admin.inputs.js';
import { CoachAdminService } from './coach-admin.service.js';

/** Back office: the coach roster of the programmes a manager handles (all for an admin). */
@Resolver()
export class CoachAdminResolver {
  @Authorized('PROGRAMME_MANAGER')
  @Query(() => [CoachRosterEntry], { description: 'Coaches with capacity and current load.' })
  async coachRoster(
    @Arg('programmeKey', () => String, { nullable: true }) programmeKey: string | null,
    @Ctx() ctx: Context,
  ): Promise<CoachRosterEntry[]> {
    const rows = await new CoachAdminService(ctx.dataSource).roster(
      requireViewer(ctx),
      programmeKey,
    );
    return rows.map(({ coach, runningTrajectories }) => ({
      coach: Coach.from(coach),
      runningTrajectories,
      available: coach.active && (coach.capacity === null || runningTrajectories < coach.capacity),
    }));
  }

  @Authorized('PROGRAMME_MANAGER')
  @Mutation(() => Coach)
  async createCoach(
    @Arg('input', () => CreateCoachInput) input: CreateCoachInput,
    @Ctx() ctx: Context,
  ): Promise<Coach> {
    return Coach.from(
      await new CoachAdminService(ctx.dataSource).create(requireViewer(ctx), input),
    );
  }

  @Authorized('PROGRAMME_MANAGER')
  @Mutation(() => Coach, { description: 'Rename, change capacity, (de)activate.' })
  async updateCoach(
    @Arg('input', () => UpdateCoachInput) input: UpdateCoachInput,
    @Ctx() ctx: Context,
  ): Promise<Coach> {
    return Coach.from(
      await new CoachAdminService(ctx.dataSource).update(requireViewer(ctx), input),
    );
  }
}
