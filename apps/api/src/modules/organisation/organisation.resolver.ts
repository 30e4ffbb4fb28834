import {
  Arg,
  Args,
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
import { forbidden, notFound } from '../../graphql/errors.js';
import { assertId } from '../../graphql/ids.js';
import { ConnectionArgs } from '../../graphql/pagination.js';
import { canActFor, canReadAnalytics, isAdmin, requireViewer } from '../../graphql/policy.js';
import { OutreachChannel } from '../outreach/outreach.types.js';
import {
  NetworkMembershipEntity,
  OrganisationEntity,
  OrganisationProfileChangeEntity,
} from './organisation.entity.js';
import { OrganisationFilter, OrganisationProfileInput } from './organisation.inputs.js';
import { OrganisationService } from './organisation.service.js';
import { Organisation, OrganisationConnection, ProfileChange } from './organisation.types.js';
import { OrganisationProfileService } from './organisation-profile.service.js';

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Authorized()
  @Query(() => OrganisationConnection, { description: 'Organisations the viewer may see.' })
  async organisations(
    @Args(() => ConnectionArgs) { first, after }: ConnectionArgs,
    @Arg('filter', () => OrganisationFilter, { nullable: true }) filter: OrganisationFilter | null,
    @Ctx() ctx: Context,
  ): Promise<OrganisationConnection> {
    return new OrganisationService(ctx.dataSource).list(requireViewer(ctx), filter, first, after);
  }

  @Authorized()
  @Query(() => Organisation, {
    description: 'NOT_FOUND when unknown or not visible to the viewer.',
  })
  async organisation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Organisation> {
    const org = await new OrganisationService(ctx.dataSource).findVisible(
      requireViewer(ctx),
      assertId(id),
    );
    if (!org) throw notFound('Organisation');
    return Organisation.from(org);
  }

  @Authorized('PARTICIPANT', 'NETWORK_COORDINATOR')
  @Mutation(() => Organisation, { description: 'Update your company profile; changes are kept.' })
  async updateOrganisationProfile(
    @Arg('input', () => OrganisationProfileInput) input: OrganisationProfileInput,
    @Ctx() ctx: Context,
  ): Promise<Organisation> {
    assertId(input.organisationId, 'input.organisationId');
    return Organisation.from(
      await new OrganisationProfileService(ctx.dataSource).update(requireViewer(ctx), input),
    );
  }

  @FieldResolver(() => OutreachChannel, {
    nullable: true,
    description:
      'The channel whose tracked sign-up link the company registered through (its own users, ' +
      'analysts and admins; null for others).',
  })
  async firstTouchChannel(
    @Root() o: Organisation,
    @Ctx() ctx: Context,
  ): Promise<OutreachChannel | null> {
    const viewer = requireViewer(ctx);
    if (!o.firstTouchChannelId) return null;
    if (!canActFor(viewer, o.id) && !canReadAnalytics(viewer)) return null;
    const channel = await ctx.loaders.channel.load(o.firstTouchChannelId);
    return channel ? OutreachChannel.from(channel) : null;
  }

  @FieldResolver(() => [ProfileChange], {
    description: 'Dated profile changes, newest first (your own organisation only).',
  })
  async profileHistory(@Root() o: Organisation, @Ctx() ctx: Context): Promise<ProfileChange[]> {
    const viewer = requireViewer(ctx);
    if (!canActFor(viewer, o.id) && !isAdmin(viewer)) throw forbidden();
    return ctx.dataSource
      .getRepository(OrganisationProfileChangeEntity)
      .find({ where: { organisationId: o.id }, order: { changedAt: 'DESC' }, take: 50 });
  }

  @FieldResolver(() => [Organisation], {
    description: "A network's member companies (its coordinator and admins only).",
  })
  async members(@Root() o: Organisation, @Ctx() ctx: Context): Promise<Organisation[]> {
    if (o.kind !== 'NETWORK') return [];
    if (!canActFor(requireViewer(ctx), o.id)) throw forbidden();
    const members = await ctx.dataSource
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .innerJoin(NetworkMembershipEntity, 'm', 'm.member_id = o.id')
      .where('m.network_id = :id', { id: o.id })
      .orderBy('o.name')
      .getMany();
    return members.map(Organisation.from);
  }
}
