import { Field, Float, ID, InputType, Int } from 'type-graphql';
import type { ExpenditureCategory } from './funding.entity.js';
import { ExpenditureCategoryEnum } from './funding.types.js';

@InputType()
export class FundingFilter {
  @Field(() => String, { nullable: true }) programmeKey?: string | null;
  @Field(() => Int, { nullable: true }) year?: number | null;
  @Field(() => [ExpenditureCategoryEnum], { nullable: true })
  categories?: ExpenditureCategory[] | null;
}

@InputType()
export class ExpenditureInput {
  @Field(() => String) programmeKey!: string;
  @Field(() => ExpenditureCategoryEnum) category!: ExpenditureCategory;
  @Field(() => Float, { description: 'Euro cents, a positive whole number.' }) amountCents!: number;
  @Field(() => String, { description: 'ISO date (YYYY-MM-DD), not in the future.' })
  spentOn!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { nullable: true, description: 'Funding source key.' })
  fundingSourceKey?: string | null;
  @Field(() => ID, { nullable: true, description: 'The application it was spent on, if any.' })
  applicationId?: string | null;
}

@InputType({ description: 'Money a funding source allocates to a programme, for a year or call.' })
export class BudgetAllocationInput {
  @Field(() => String) programmeKey!: string;
  @Field(() => String) fundingSourceKey!: string;
  @Field(() => Int, {
    nullable: true,
    description: 'Budget year; null (and no call) allocates to the whole programme.',
  })
  year?: number | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The call (edition) of the programme it pays for; its year becomes the year.',
  })
  editionId?: string | null;
  @Field(() => Float, { description: 'Euro cents, a positive whole number.' }) amountCents!: number;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType({ description: 'The allocation as it should be (the programme stays).' })
export class UpdateBudgetAllocationInput {
  @Field(() => ID) id!: string;
  @Field(() => String) fundingSourceKey!: string;
  @Field(() => Int, { nullable: true }) year?: number | null;
  @Field(() => ID, { nullable: true }) editionId?: string | null;
  @Field(() => Float, { description: 'Euro cents, a positive whole number.' }) amountCents!: number;
  @Field(() => String, { nullable: true }) description?: string | null;
}
