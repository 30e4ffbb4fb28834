import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { BudgetData } from './budget.service.js';

@ObjectType({ simpleResolvers: true })
export class BudgetBySource {
  @Field(() => String) key!: string;
  @Field(() => String) name!: string;
  @Field(() => Float) allocatedCents!: number;
  @Field(() => Float) spentCents!: number;
}

@ObjectType({ simpleResolvers: true })
export class BudgetByCategory {
  @Field(() => String) category!: string;
  @Field(() => Float) spentCents!: number;
  @Field(() => Float, { nullable: true }) share!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class BudgetByYear {
  @Field(() => Int, { nullable: true, description: 'Null: allocated for the whole programme.' })
  year!: number | null;
  @Field(() => Float) allocatedCents!: number;
  @Field(() => Float) spentCents!: number;
}

@ObjectType({ simpleResolvers: true })
export class BudgetAllocationLine {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true, description: 'The call it pays for, if any.' })
  editionId!: string | null;
  @Field(() => String) sourceKey!: string;
  @Field(() => String) sourceName!: string;
  @Field(() => Int, { nullable: true }) year!: number | null;
  @Field(() => Float) amountCents!: number;
  @Field(() => String) description!: string;
}

@ObjectType({ simpleResolvers: true })
export class StageCost {
  @Field(() => String) stage!: string;
  @Field(() => String) label!: string;
  @Field(() => Int, { description: 'Applications that reached the step in the period.' })
  count!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Spending in the period per such application, in cents.',
  })
  costCents!: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Budget and spending of a programme, in euro cents.',
})
export class Budget {
  @Field(() => String) programmeKey!: string;
  @Field(() => Int, { nullable: true, description: 'Null: the whole programme.' }) year!:
    | number
    | null;
  @Field(() => Float) allocatedCents!: number;
  @Field(() => Float) spentCents!: number;
  @Field(() => Float, {
    description: 'Allocations through the end of the year (or programme-wide).',
  })
  allocatedToDateCents!: number;
  @Field(() => Float) spentToDateCents!: number;
  @Field(() => Float, { description: 'allocatedToDate − spentToDate.' }) remainingCents!: number;
  @Field(() => Float, { nullable: true, description: 'spentToDate / allocatedToDate.' })
  utilisation!: number | null;
  @Field(() => [BudgetBySource]) bySource!: BudgetBySource[];
  @Field(() => [BudgetByCategory]) byCategory!: BudgetByCategory[];
  @Field(() => [BudgetByYear]) byYear!: BudgetByYear[];
  @Field(() => [BudgetAllocationLine]) allocations!: BudgetAllocationLine[];
  @Field(() => [StageCost], {
    description: 'Cost per approved / started / completed … application.',
  })
  costPerStage!: StageCost[];

  static from(b: BudgetData): Budget {
    return Object.assign(new Budget(), {
      ...b,
      bySource: b.bySource.map((x) => Object.assign(new BudgetBySource(), x)),
      byCategory: b.byCategory.map((x) => Object.assign(new BudgetByCategory(), x)),
      byYear: b.byYear.map((x) => Object.assign(new BudgetByYear(), x)),
      allocations: b.allocations.map((x) => Object.assign(new BudgetAllocationLine(), x)),
      costPerStage: b.costPerStage.map((x) => Object.assign(new StageCost(), x)),
    });
  }
}
