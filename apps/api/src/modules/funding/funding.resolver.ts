import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ConnectionArgs } from '../../graphql/pagination.js';
import { requireViewer } from '../../graphql/policy.js';
import { ExpenditureInput, FundingFilter } from './funding.inputs.js';
import { FundingService } from './funding.service.js';
import { Expenditure, ExpenditureConnection, FundingOverview } from './funding.types.js';

@Resolver()
export class FundingResolver {
  @Authorized('ANALYST', 'PROGRAMME_MANAGER')
  @Query(() => FundingOverview, {
    description: 'Allocations and spending, with totals by programme, year, source and category.',
  })
  async funding(
    @Arg('filter', () => FundingFilter, { nullable: true }) filter: FundingFilter | null,
    @Ctx() ctx: Context,
  ): Promise<FundingOverview> {
    return new FundingService(ctx.dataSource).overview(requireViewer(ctx), filter);
  }

  @Authorized('ANALYST', 'PROGRAMME_MANAGER')
  @Query(() => ExpenditureConnection)
  async expenditures(
    @Args(() => ConnectionArgs) { first, after }: ConnectionArgs,
    @Arg('filter', () => FundingFilter, { nullable: true }) filter: FundingFilter | null,
    @Ctx() ctx: Context,
  ): Promise<ExpenditureConnection> {
    return new FundingService(ctx.dataSource).expenditures(
      requireViewer(ctx),
      filter,
      first,
      after,
    );
  }

  @Authorized('PROGRAMME_MANAGER')
  @Mutation(() => Expenditure, { description: 'Record spending of a programme you manage.' })
  async recordExpenditure(
    @Arg('input', () => ExpenditureInput) input: ExpenditureInput,
    @Ctx() ctx: Context,
  ): Promise<Expenditure> {
    return Expenditure.from(
      await new FundingService(ctx.dataSource).record(requireViewer(ctx), input),
    );
  }
}
