/** GraphQL types of the disclosure-safe budget and RE-AIM answers. */
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { ReAimDimension } from '../modules/analytics/re-aim.service.js';
import { ReAimDimensionEnum } from '../modules/analytics/re-aim.types.js';
import { AmountCell, CountCell, ProtectionInfo, StatCell } from './research.types.js';

@ObjectType()
export class ResearchBudgetSource {
  @Field(() => String) key!: string;
  @Field(() => String) name!: string;
  @Field(() => Float, { description: 'Allocated (a public budget decision), cents.' })
  allocatedCents!: number;
  @Field(() => AmountCell) spent!: AmountCell;
}

@ObjectType()
export class ResearchBudgetCategory {
  @Field(() => String) category!: string;
  @Field(() => AmountCell) spent!: AmountCell;
  @Field(() => StatCell, { description: 'Share of the period’s spending.' }) share!: StatCell;
}

@ObjectType()
export class ResearchBudgetYear {
  @Field(() => Int, { nullable: true, description: 'Null: allocated for the whole programme.' })
  year!: number | null;
  @Field(() => Float) allocatedCents!: number;
  @Field(() => AmountCell) spent!: AmountCell;
}

@ObjectType({ description: 'A budget allocation (public budget decision; no free text).' })
export class ResearchBudgetAllocation {
  @Field(() => String) sourceKey!: string;
  @Field(() => String) sourceName!: string;
  @Field(() => Int, { nullable: true }) year!: number | null;
  @Field(() => Float) amountCents!: number;
}

@ObjectType()
export class ResearchStageCost {
  @Field(() => String) stage!: string;
  @Field(() => String) label!: string;
  @Field(() => CountCell, { description: 'Applications that reached the step in the period.' })
  count!: CountCell;
  @Field(() => StatCell, { description: 'Spending in the period per such application, cents.' })
  costCents!: StatCell;
}

@ObjectType({
  description:
    'Budget and spending of a programme in euro cents. Allocations are public budget decisions ' +
    'and shown as they are. Spending is protected per cell: the part linked to applications ' +
    '(coach fees) belongs to the companies of those applications, so a cell where fewer than ' +
    'the threshold of companies, or one or two companies, make up that part is withheld ' +
    '(FREQUENCY, DOMINANCE) with complements (SECONDARY); programme spending not linked to an ' +
    'application (campaigns, administration, development) is about no company.',
})
export class ResearchBudget {
  @Field(() => String) programmeKey!: string;
  @Field(() => Int, { nullable: true, description: 'Null: the whole programme.' })
  year!: number | null;
  @Field(() => Int) threshold!: number;
  @Field(() => ProtectionInfo) protection!: ProtectionInfo;
  @Field(() => Float) allocatedCents!: number;
  @Field(() => AmountCell, { description: 'Spent in the year (or in total).' }) spent!: AmountCell;
  @Field(() => Float) allocatedToDateCents!: number;
  @Field(() => AmountCell, { description: 'Spent through the end of the year.' })
  spentToDate!: AmountCell;
  @Field(() => AmountCell, { description: 'allocatedToDate − spentToDate.' })
  remaining!: AmountCell;
  @Field(() => StatCell, { description: 'spentToDate / allocatedToDate.' }) utilisation!: StatCell;
  @Field(() => [ResearchBudgetSource]) bySource!: ResearchBudgetSource[];
  @Field(() => [ResearchBudgetCategory]) byCategory!: ResearchBudgetCategory[];
  @Field(() => [ResearchBudgetYear]) byYear!: ResearchBudgetYear[];
  @Field(() => [ResearchBudgetAllocation]) allocations!: ResearchBudgetAllocation[];
  @Field(() => [ResearchStageCost]) costPerStage!: ResearchStageCost[];
}

@ObjectType({ description: 'One RE-AIM measure: numerator / denominator, each protected.' })
export class ResearchReAimMeasure {
  @Field(() => ReAimDimensionEnum) dimension!: ReAimDimension;
  @Field(() => String) key!: string;
  @Field(() => String) definition!: string;
  @Field(() => CountCell, { nullable: true }) numerator!: CountCell | null;
  @Field(() => CountCell, { nullable: true }) denominator!: CountCell | null;
  @Field(() => StatCell, { description: 'numerator / denominator, or a mean.' }) value!: StatCell;
  @Field(() => Boolean, { description: 'False when the data cannot answer at all.' })
  available!: boolean;
}

@ObjectType({ description: 'Coaches and service providers (counts of persons and bodies).' })
export class ResearchCoachingCapacity {
  @Field(() => CountCell) coaches!: CountCell;
  @Field(() => CountCell) coachesWithApplications!: CountCell;
  @Field(() => CountCell) serviceProviders!: CountCell;
}

@ObjectType({ description: 'RE-AIM evaluation of a programme, for one edition year or all.' })
export class ResearchReAim {
  @Field(() => String) programmeKey!: string;
  @Field(() => Int, { nullable: true }) year!: number | null;
  @Field(() => Int) threshold!: number;
  @Field(() => ProtectionInfo) protection!: ProtectionInfo;
  @Field(() => ResearchReAimMeasure) reach!: ResearchReAimMeasure;
  @Field(() => ResearchReAimMeasure) effectiveness!: ResearchReAimMeasure;
  @Field(() => ResearchReAimMeasure) adoption!: ResearchReAimMeasure;
  @Field(() => ResearchReAimMeasure) implementation!: ResearchReAimMeasure;
  @Field(() => ResearchReAimMeasure) maintenance!: ResearchReAimMeasure;
  @Field(() => [ResearchReAimMeasure]) measures!: ResearchReAimMeasure[];
  @Field(() => ResearchCoachingCapacity, { nullable: true })
  coachingCapacity!: ResearchCoachingCapacity | null;
}
