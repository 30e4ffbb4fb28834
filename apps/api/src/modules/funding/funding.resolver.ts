import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ConnectionArgs } from '../../graphql/pagination.js';
import { requireViewer } from '../../graphql/policy.js';
import { BudgetAllocationService } from './budget-allocation.service.js';
import { FundingSourceEntity } from './funding.entity.js';
import {
  BudgetAllocationInput,
  ExpenditureInput,
  FundingFilter,
  UpdateBudgetAllocationInput,
} from './funding.inputs.js';
import { FundingService } from './funding.service.js';
import {
  BudgetAllocation,
  Expenditure,
  ExpenditureConnection,
  FundingOverview,
  FundingSource,
} from './funding.types.js';

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

  @Authorized('ANALYST', 'PROGRAMME_MANAGER')
  @Query(() => [FundingSource], { description: 'Who pays: every funding source (a short list).' })
  async fundingSources(@Ctx() ctx: Context): Promise<FundingSource[]> {
    const rows = await ctx.dataSource
      .getRepository(FundingSourceEntity)
      .find({ order: { name: 'ASC' } });
    return rows.map(FundingSource.from);
  }

  @Authorized('PROGRAMME_MANAGER')
  @Mutation(() => BudgetAllocation, {
    description: 'Allocates money of a funding source to a programme you manage (audited).',
  })
  async createBudgetAllocation(
    @Arg('input', () => BudgetAllocationInput) input: BudgetAllocationInput,
    @Ctx() ctx: Context,
  ): Promise<BudgetAllocation> {
    const service = new BudgetAllocationService(ctx.dataSource);
    return BudgetAllocation.from(await service.create(requireViewer(ctx), input));
  }

  @Authorized('PROGRAMME_MANAGER')
  @Mutation(() => BudgetAllocation, { description: 'Changes an allocation (audited).' })
  async updateBudgetAllocation(
    @Arg('input', () => UpdateBudgetAllocationInput) input: UpdateBudgetAllocationInput,
    @Ctx() ctx: Context,
  ): Promise<BudgetAllocation> {
    const service = new BudgetAllocationService(ctx.dataSource);
    return BudgetAllocation.from(await service.update(requireViewer(ctx), input));
  }

  @Authorized('PROGRAMME_MANAGER')
  @Mutation(() => ID, { description: 'Removes an allocation (audited); returns its id.' })
  async deleteBudgetAllocation(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<string> {
    return new BudgetAllocationService(ctx.dataSource).delete(requireViewer(ctx), id);
  }
}
