import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { assertId } from '../../graphql/ids.js';
import { ConnectionArgs } from '../../graphql/pagination.js';
import { requireViewer } from '../../graphql/policy.js';
import { Coach } from '../coach/coach.types.js';
import { Organisation } from '../organisation/organisation.types.js';
import { OutreachChannel } from '../outreach/outreach.types.js';
import { Edition, Programme, Stage } from '../programme/programme.types.js';
import { ApplicationFilter } from './application.inputs.js';
import { ApplicationService } from './application.service.js';
import { Application, ApplicationConnection, ApplicationEvent } from './application.types.js';

@Resolver(() => Application)
export class ApplicationResolver {
  @Authorized()
  @Query(() => ApplicationConnection, {
    description:
      "Applications the viewer may see: their organisation's, their networks', their programmes'.",
  })
  async applications(
    @Args(() => ConnectionArgs) { first, after }: ConnectionArgs,
    @Arg('filter', () => ApplicationFilter, { nullable: true }) filter: ApplicationFilter | null,
    @Ctx() ctx: Context,
  ): Promise<ApplicationConnection> {
    return new ApplicationService(ctx.dataSource).list(requireViewer(ctx), filter, first, after);
  }

  @Authorized()
  @Query(() => Application, { description: 'NOT_FOUND when unknown or not visible to the viewer.' })
  async application(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Application> {
    const app = await new ApplicationService(ctx.dataSource).findVisible(
      requireViewer(ctx),
      assertId(id),
    );
    if (!app) throw notFound('Application');
    return Application.from(app);
  }

  @FieldResolver(() => Programme)
  async programme(@Root() a: Application, @Ctx() ctx: Context): Promise<Programme> {
    const p = await ctx.loaders.programme.load(a.programmeId);
    if (!p) throw notFound('Programme');
    return Programme.from(p);
  }

  @FieldResolver(() => Edition)
  async edition(@Root() a: Application, @Ctx() ctx: Context): Promise<Edition> {
    const e = await ctx.loaders.edition.load(a.editionId);
    if (!e) throw notFound('Edition');
    return Edition.from(e);
  }

  @FieldResolver(() => Organisation, { description: 'The applicant: a company or a network.' })
  async organisation(@Root() a: Application, @Ctx() ctx: Context): Promise<Organisation> {
    const o = await ctx.loaders.organisation.load(a.organisationId);
    if (!o) throw notFound('Organisation');
    return Organisation.from(o);
  }

  @FieldResolver(() => OutreachChannel, { nullable: true, description: 'First-touch channel.' })
  async channel(@Root() a: Application, @Ctx() ctx: Context): Promise<OutreachChannel | null> {
    if (!a.channelId) return null;
    const c = await ctx.loaders.channel.load(a.channelId);
    return c ? OutreachChannel.from(c) : null;
  }

  @FieldResolver(() => Coach, { nullable: true })
  async coach(@Root() a: Application, @Ctx() ctx: Context): Promise<Coach | null> {
    if (!a.coachId) return null;
    const c = await ctx.loaders.coach.load(a.coachId);
    return c ? Coach.from(c) : null;
  }

  @FieldResolver(() => [Organisation], {
    description: 'Companies a group registration represents.',
  })
  async members(@Root() a: Application, @Ctx() ctx: Context): Promise<Organisation[]> {
    const members = await ctx.loaders.membersByApplication.load(a.id);
    const orgs = await ctx.loaders.organisation.loadMany(members.map((m) => m.organisationId));
    return orgs.flatMap((o) => (o && !(o instanceof Error) ? [Organisation.from(o)] : []));
  }

  @FieldResolver(() => [ApplicationEvent], { description: 'Stage transitions, oldest first.' })
  async events(@Root() a: Application, @Ctx() ctx: Context): Promise<ApplicationEvent[]> {
    return (await ctx.loaders.eventsByApplication.load(a.id)).map(ApplicationEvent.from);
  }

  @FieldResolver(() => Stage, {
    nullable: true,
    description: 'The exit if any, else the furthest step reached; null for a draft.',
  })
  async currentStage(@Root() a: Application, @Ctx() ctx: Context): Promise<Stage | null> {
    const stages = await ctx.loaders.stagesByProgramme.load(a.programmeId);
    if (a.exitStage) {
      const exit = stages.find((s) => s.kind === 'EXIT' && s.key === a.exitStage);
      return exit ? Stage.from(exit) : null;
    }
    const furthest = a.reached.reduce<number>((acc, at, i) => (at ? i + 1 : acc), 0);
    const step = stages.find((s) => s.kind === 'STEP' && s.position === furthest);
    return step ? Stage.from(step) : null;
  }
}
