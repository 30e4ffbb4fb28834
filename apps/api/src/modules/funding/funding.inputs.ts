import { Field, InputType, Int } from 'type-graphql';
import type { ExpenditureCategory } from './funding.entity.js';
import { ExpenditureCategoryEnum } from './funding.types.js';

@InputType()
export class FundingFilter {
  @Field(() => String, { nullable: true }) programmeKey?: string | null;
  @Field(() => Int, { nullable: true }) year?: number | null;
  @Field(() => [ExpenditureCategoryEnum], { nullable: true })
  categories?: ExpenditureCategory[] | null;
}
