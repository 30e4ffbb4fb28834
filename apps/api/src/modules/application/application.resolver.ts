import { allowedTransitions, deriveState } from '@werkgezond/domain';
import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  Float,
  ID,
  Info,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { assertId } from '../../graphql/ids.js';
import { ConnectionArgs } from '../../graphql/pagination.js';
import { canActFor, canManage, requireViewer } from '../../graphql/policy.js';
import { selectedFieldNames } from '../../graphql/selection.js';
import { Coach } from '../coach/coach.types.js';
import { FollowUpContact } from '../follow-up/follow-up.types.js';
import { Organisation } from '../organisation/organisation.types.js';
import { OutreachChannel } from '../outreach/outreach.types.js';
import { Edition, Programme, Stage, toDomainStage } from '../programme/programme.types.js';
import { ApplicationFilter, ApplicationOrder } from './application.inputs.js';
import { ApplicationService } from './application.service.js';
import {
  Application,
  ApplicationConnection,
  ApplicationEvent,
  Attachment,
  currentStageOf,
  ParticipationDossier,
} from './application.types.js';

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
    @Arg('orderBy', () => ApplicationOrder, {
      nullable: true,
      description: 'Default NEWEST_FIRST.',
    })
    orderBy: ApplicationOrder | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ApplicationConnection> {
    // What the nodes show of their organisation, programme and stage comes in the page's own
    // statement; anything else is loaded per field as usual.
    const selected = selectedFieldNames(info, ['edges', 'node']);
    return new ApplicationService(ctx.dataSource).list(
      requireViewer(ctx),
      filter,
      first,
      after,
      orderBy ?? ApplicationOrder.NEWEST_FIRST,
      {
        organisation:
          selected.has('organisation') &&
          selectedFieldNames(info, ['edges', 'node', 'organisation']),
        programme: selected.has('programme'),
        currentStage: selected.has('currentStage'),
      },
    );
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

  /** A list page's preloaded programme is answered before this runs (graphql/preloaded.ts). */
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

  /** Preloaded by a list page: see graphql/preloaded.ts. */
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
    const [events, stages] = await Promise.all([
      ctx.loaders.eventsByApplication.load(a.id),
      ctx.loaders.stagesByProgramme.load(a.programmeId),
    ]);
    const labels = new Map(stages.map((s) => [s.key, s.label]));
    return events.map((e) => ApplicationEvent.from(e, labels.get(e.stage)));
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Days from submission to the first decision (approval or rejection); null while undecided ' +
      'and for programmes without a decision step (the award).',
  })
  async decisionLeadTimeDays(@Root() a: Application, @Ctx() ctx: Context): Promise<number | null> {
    const stages = await ctx.loaders.stagesByProgramme.load(a.programmeId);
    return hasDecisionStep(stages) ? a.leadTimeDays : null;
  }

  @FieldResolver(() => [Stage], {
    description: 'Stages that may be recorded next (role rules still apply when recording).',
  })
  async nextStages(@Root() a: Application, @Ctx() ctx: Context): Promise<Stage[]> {
    const [events, stages] = await Promise.all([
      ctx.loaders.eventsByApplication.load(a.id),
      ctx.loaders.stagesByProgramme.load(a.programmeId),
    ]);
    const defs = stages.map(toDomainStage);
    const allowed = new Set(allowedTransitions(defs, deriveState(events, defs)));
    return stages.filter((s) => allowed.has(s.key)).map(Stage.from);
  }

  @FieldResolver(() => ParticipationDossier, {
    nullable: true,
    description: 'Award only; null for represented members (the applicant and managers read it).',
  })
  async dossier(@Root() a: Application, @Ctx() ctx: Context): Promise<ParticipationDossier | null> {
    if (!isDossierReader(ctx, a)) return null;
    const d = await ctx.loaders.dossierByApplication.load(a.id);
    if (!d) return null;
    return {
      answers: Object.entries(d.answers).map(([key, value]) => ({ key, value })),
      submittedAt: d.submittedAt,
      updatedAt: d.updatedAt,
    };
  }

  @FieldResolver(() => [Attachment])
  async attachments(@Root() a: Application, @Ctx() ctx: Context): Promise<Attachment[]> {
    if (!isDossierReader(ctx, a)) return [];
    return (await ctx.loaders.attachmentsByApplication.load(a.id)).map((f) => ({
      id: f.id,
      fileName: f.fileName,
      mediaType: f.mediaType,
      sizeBytes: f.sizeBytes,
      uploadedAt: f.uploadedAt,
      downloadPath: `/api/attachments/${f.id}`,
    }));
  }

  @FieldResolver(() => [FollowUpContact], {
    description:
      "Follow-up contacts (reminders, phone calls), newest first; the programme's managers only " +
      '(empty for the applicant and represented members).',
  })
  async contacts(@Root() a: Application, @Ctx() ctx: Context): Promise<FollowUpContact[]> {
    // The managers' working notes (a call's outcome, the reminder text), read like the worklist
    // they come from: the programme's managers and admins (canManage). The applicant sees the
    // application and gets an empty list, not an error — the dossier's rule for represented
    // members — so a portal query that asks for contacts is not voided as a whole.
    if (!canManage(requireViewer(ctx), a.programmeId)) return [];
    return (await ctx.loaders.contactsByApplication.load(a.id)).map((c) => FollowUpContact.from(c));
  }

  /** Preloaded by a list page: see graphql/preloaded.ts. */
  @FieldResolver(() => Stage, {
    nullable: true,
    description: 'The exit if any, else the furthest step reached; null for a draft.',
  })
  async currentStage(@Root() a: Application, @Ctx() ctx: Context): Promise<Stage | null> {
    const stages = await ctx.loaders.stagesByProgramme.load(a.programmeId);
    const stage = currentStageOf(a, stages);
    return stage ? Stage.from(stage) : null;
  }
}

/**
 * The dossier and its files: the applicant and the programme's managers only. Represented
 * member companies see the application but get no dossier (null / empty), not an error that
 * would void the whole answer.
 */
function isDossierReader(ctx: Context, a: Application): boolean {
  const viewer = requireViewer(ctx);
  return canActFor(viewer, a.organisationId) || canManage(viewer, a.programmeId);
}

/** A programme decides applications when an exit is only possible before its second step. */
function hasDecisionStep(stages: { kind: string; beforeStep: string | null }[]): boolean {
  return stages.some((s) => s.kind === 'EXIT' && s.beforeStep !== null);
}
