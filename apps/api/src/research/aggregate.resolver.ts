import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { AggregateService } from './aggregate.service.js';
import { AggregateAnswer, AggregateArgs } from './aggregate.types.js';
import { type ResearchContext, withinDeadline } from './research.context.js';
import { groupedCost } from './research-cost.js';
import type { ResearchDimension } from './research-dimensions.js';
import { toFilterValues } from './research-filter.js';

@Resolver()
export class AggregateResolver {
  @Query(() => AggregateAnswer, {
    description:
      'Counts of applications or companies, and spending, grouped by up to three dimensions ' +
      '(GROUP BY in PostgreSQL). Every cell is under disclosure control; the table is complete ' +
      '(zero cells included). Cost: 1 + the number of groups.',
    complexity: groupedCost((args) => (args.dimensions as ResearchDimension[] | undefined) ?? []),
  })
  aggregate(@Args(() => AggregateArgs) args: AggregateArgs, @Ctx() ctx: ResearchContext) {
    return withinDeadline(ctx, () =>
      new AggregateService(ctx.dataSource, ctx.catalog, ctx.config.minCell).aggregate(
        args.measures,
        args.dimensions ?? [],
        toFilterValues(args.filter),
      ),
    );
  }
}
