import { checkEligibility } from '@werkgezond/domain';
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { assertId } from '../../graphql/ids.js';
import { canActFor, requireViewer } from '../../graphql/policy.js';
import { Organisation } from '../organisation/organisation.types.js';
import { ProgrammeService } from './programme.service.js';
import {
  Edition,
  EligibilityVerdict,
  Programme,
  ProgrammeComponent,
  Stage,
  ToolboxUse,
} from './programme.types.js';
import { ToolboxService } from './toolbox.service.js';

@Resolver(() => Programme)
export class ProgrammeResolver {
  @Query(() => [Programme], { description: 'All programmes (a short plain list).' })
  async programmes(@Ctx() ctx: Context): Promise<Programme[]> {
    return (await new ProgrammeService(ctx.dataSource).list()).map(Programme.from);
  }

  @Query(() => Programme, { description: 'One programme by its key; NOT_FOUND if unknown.' })
  async programme(@Arg('key', () => String) key: string, @Ctx() ctx: Context): Promise<Programme> {
    return Programme.from(await new ProgrammeService(ctx.dataSource).byKey(key));
  }

  @FieldResolver(() => [Edition])
  async editions(@Root() p: Programme, @Ctx() ctx: Context): Promise<Edition[]> {
    return (await ctx.loaders.editionsByProgramme.load(p.id)).map(Edition.from);
  }

  @FieldResolver(() => Edition, {
    nullable: true,
    description: 'The call that takes applications today (the latest opened), or null.',
  })
  async openCall(@Root() p: Programme, @Ctx() ctx: Context): Promise<Edition | null> {
    const calls = (await ctx.loaders.editionsByProgramme.load(p.id)).map(Edition.from);
    return (
      calls
        .filter((e) => e.acceptsApplications)
        .sort((a, b) => b.opensOn.localeCompare(a.opensOn) || b.year - a.year)[0] ?? null
    );
  }

  @FieldResolver(() => [Stage], { description: 'Funnel steps in order, then the exits.' })
  async stages(@Root() p: Programme, @Ctx() ctx: Context): Promise<Stage[]> {
    return (await ctx.loaders.stagesByProgramme.load(p.id)).map(Stage.from);
  }

  @FieldResolver(() => [ProgrammeComponent])
  async components(@Root() p: Programme, @Ctx() ctx: Context): Promise<ProgrammeComponent[]> {
    return (await ctx.loaders.componentsByProgramme.load(p.id)).map(ProgrammeComponent.from);
  }

  @FieldResolver(() => Organisation, { nullable: true })
  async operator(@Root() p: Programme, @Ctx() ctx: Context): Promise<Organisation | null> {
    const org = await ctx.loaders.organisation.load(p.operatorId);
    return org ? Organisation.from(org) : null;
  }

  @Authorized()
  @FieldResolver(() => EligibilityVerdict, {
    description: 'Checks an organisation you act for against the eligibility rules.',
  })
  async eligibilityFor(
    @Root() p: Programme,
    @Arg('organisationId', () => ID) organisationId: string,
    @Ctx() ctx: Context,
  ): Promise<EligibilityVerdict> {
    const viewer = requireViewer(ctx);
    const org = await ctx.loaders.organisation.load(assertId(organisationId, 'organisationId'));
    if (!org || !canActFor(viewer, org.id)) throw notFound('Organisation');
    return checkEligibility(
      {
        ...(p.eligibility.organisationKinds.length
          ? { kinds: p.eligibility.organisationKinds as never }
          : {}),
        ...(p.eligibility.maxEmployees !== null
          ? { maxEmployees: p.eligibility.maxEmployees }
          : {}),
        ...(p.eligibility.sizeClasses.length
          ? { sizeClasses: p.eligibility.sizeClasses as never }
          : {}),
        requiresNoPreventionCommittee: p.eligibility.requiresNoPreventionCommittee,
        ...(p.eligibility.provinces.length ? { provinces: p.eligibility.provinces } : {}),
        ...(p.eligibility.naceSections.length ? { naceSections: p.eligibility.naceSections } : {}),
      },
      {
        kind: org.kind,
        employeeCount: org.employeeCount ?? 0,
        hasPreventionCommittee: org.hasPreventionCommittee,
        province: org.province,
        naceSection: org.naceSection,
      },
    );
  }

  @Authorized('PARTICIPANT', 'NETWORK_COORDINATOR')
  @FieldResolver(() => [ToolboxUse], { description: "Your organisation's use of the toolbox." })
  async toolboxUse(
    @Root() p: Programme,
    @Arg('organisationId', () => ID) organisationId: string,
    @Ctx() ctx: Context,
  ): Promise<ToolboxUse[]> {
    if (!canActFor(requireViewer(ctx), assertId(organisationId, 'organisationId')))
      throw notFound('Organisation');
    const components = (await ctx.loaders.componentsByProgramme.load(p.id)).filter(
      (c) => c.kind === 'TOOLBOX',
    );
    const last = await new ToolboxService(ctx.dataSource).lastUses(
      organisationId,
      components.map((c) => c.id),
    );
    return components.map((c) => ({ componentKey: c.key, lastUsedAt: last.get(c.id) ?? null }));
  }

  @Authorized('PARTICIPANT', 'NETWORK_COORDINATOR')
  @Mutation(() => ToolboxUse, {
    description: 'Record that your organisation used a toolbox component.',
  })
  async recordToolboxUse(
    @Arg('programmeKey', () => String) programmeKey: string,
    @Arg('componentKey', () => String) componentKey: string,
    @Arg('organisationId', () => ID) organisationId: string,
    @Ctx() ctx: Context,
  ): Promise<ToolboxUse> {
    const usedAt = await new ToolboxService(ctx.dataSource).recordUse(requireViewer(ctx), {
      programmeKey,
      componentKey,
      organisationId: assertId(organisationId, 'organisationId'),
    });
    return { componentKey, lastUsedAt: usedAt };
  }
}
