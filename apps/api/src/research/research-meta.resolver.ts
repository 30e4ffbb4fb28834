import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { type ResearchContext, withinDeadline } from './research.context.js';
import { DimensionValue, ResearchDimensionEnum } from './research.types.js';
import { fixedCost } from './research-cost.js';
import { RESEARCH_DIMENSIONS, type ResearchDimension } from './research-dimensions.js';

@ObjectType({ description: 'A programme and its yearly editions (public metadata).' })
class ResearchProgramme {
  @Field(() => String) key!: string;
  @Field(() => String) name!: string;
  @Field(() => [Int]) editionYears!: number[];
}

@ObjectType({ description: 'The values a dimension can take, for filters and to read answers.' })
class ResearchDimensionValues {
  @Field(() => ResearchDimensionEnum) dimension!: ResearchDimension;
  @Field(() => [DimensionValue]) values!: DimensionValue[];
}

@ObjectType({ description: 'The disclosure rules in force.' })
class DisclosurePolicy {
  @Field(() => Int, { description: 'Minimum companies behind a published number.' })
  threshold!: number;
  @Field(() => String) dominanceRule!: string;
  @Field(() => String) finestDate!: string;
  @Field(() => Int) maxCostPerRequest!: number;
  @Field(() => Int) budgetPerHour!: number;
}

@Resolver()
export class ResearchMetaResolver {
  @Query(() => [ResearchProgramme], { complexity: fixedCost(1) })
  programmes(@Ctx() ctx: ResearchContext): Promise<ResearchProgramme[]> {
    return withinDeadline(ctx, async () => {
      await ctx.catalog.ensureLoaded(ctx.dataSource);
      return ctx.catalog.programmes.map((p) => ({
        key: p.key,
        name: p.name,
        editionYears: p.years,
      }));
    });
  }

  @Query(() => [ResearchDimensionValues], { complexity: fixedCost(1) })
  dimensions(@Ctx() ctx: ResearchContext): Promise<ResearchDimensionValues[]> {
    return withinDeadline(ctx, async () => {
      await ctx.catalog.ensureLoaded(ctx.dataSource);
      return RESEARCH_DIMENSIONS.map((dimension) => ({
        dimension,
        values: ctx.catalog.values(dimension).map((v) => ({ dimension, ...v })),
      }));
    });
  }

  @Query(() => DisclosurePolicy, { complexity: fixedCost(0) })
  disclosurePolicy(@Ctx() ctx: ResearchContext): DisclosurePolicy {
    return {
      threshold: ctx.config.minCell,
      dominanceRule:
        'An amount is withheld when its two largest companies hold more than 85% of it.',
      finestDate: 'month',
      maxCostPerRequest: ctx.config.maxCost,
      budgetPerHour: ctx.config.budgetPerHour,
    };
  }
}
