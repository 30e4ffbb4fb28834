import { Arg, Args, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { assertId } from '../../graphql/ids.js';
import { ConnectionArgs } from '../../graphql/pagination.js';
import { requireViewer } from '../../graphql/policy.js';
import { OrganisationFilter } from './organisation.inputs.js';
import { OrganisationService } from './organisation.service.js';
import { Organisation, OrganisationConnection } from './organisation.types.js';

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
}
