import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../graphql/pagination.js';
import {
  type BudgetAllocationEntity,
  EXPENDITURE_CATEGORIES,
  type ExpenditureCategory,
  type ExpenditureEntity,
  type FundingSourceEntity,
} from './funding.entity.js';

export const ExpenditureCategoryEnum = Object.fromEntries(
  EXPENDITURE_CATEGORIES.map((k) => [k, k]),
);
registerEnumType(ExpenditureCategoryEnum, { name: 'ExpenditureCategory' });

@ObjectType()
export class FundingSource {
  @Field(() => ID) id!: string;
  @Field(() => String) key!: string;
  @Field(() => String) name!: string;

  static from(f: FundingSourceEntity): FundingSource {
    return Object.assign(new FundingSource(), { id: f.id, key: f.key, name: f.name });
  }
}

@ObjectType()
export class BudgetAllocation {
  @Field(() => ID) id!: string;
  @Field(() => String) programmeKey!: string;
  @Field(() => FundingSource) source!: FundingSource;
  @Field(() => Int, { nullable: true }) year!: number | null;
  @Field(() => ID, { nullable: true, description: 'The call it pays for, if any.' })
  editionId!: string | null;
  @Field(() => Float, { description: 'Euro cents.' }) amountCents!: number;
  @Field(() => String) description!: string;

  static from(
    a: Pick<BudgetAllocationEntity, 'id' | 'year' | 'editionId' | 'amountCents' | 'description'> & {
      fundingSource: FundingSourceEntity;
      programmeKey: string;
    },
  ): BudgetAllocation {
    return Object.assign(new BudgetAllocation(), {
      id: a.id,
      programmeKey: a.programmeKey,
      source: FundingSource.from(a.fundingSource),
      year: a.year,
      editionId: a.editionId,
      amountCents: Number(a.amountCents),
      description: a.description,
    });
  }
}

@ObjectType()
export class Expenditure {
  @Field(() => ID) id!: string;
  @Field(() => ExpenditureCategoryEnum) category!: ExpenditureCategory;
  @Field(() => Float, { description: 'Euro cents.' }) amountCents!: number;
  @Field(() => String) spentOn!: string;
  @Field(() => String) description!: string;

  static from(e: ExpenditureEntity): Expenditure {
    return Object.assign(new Expenditure(), {
      id: e.id,
      category: e.category,
      amountCents: Number(e.amountCents),
      spentOn: e.spentOn,
      description: e.description,
    });
  }
}

@ObjectType()
export class ExpenditureConnection extends Connection(Expenditure, 'Expenditure') {}

@ObjectType({ description: 'A total of money in euro cents for one group.' })
export class MoneyTotal {
  @Field(() => String, { description: 'Programme key, year, source key or category.' })
  key!: string;
  @Field(() => Float) allocatedCents!: number;
  @Field(() => Float) spentCents!: number;
}

@ObjectType()
export class FundingOverview {
  @Field(() => Float) allocatedCents!: number;
  @Field(() => Float) spentCents!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'spent / allocated; null without allocation.',
  })
  utilisation!: number | null;
  @Field(() => [BudgetAllocation]) allocations!: BudgetAllocation[];
  @Field(() => [MoneyTotal]) byProgramme!: MoneyTotal[];
  @Field(() => [MoneyTotal], { description: 'Allocations without a year are listed as "all".' })
  byYear!: MoneyTotal[];
  @Field(() => [MoneyTotal]) bySource!: MoneyTotal[];
  @Field(() => [MoneyTotal], { description: 'Spending per category (allocated is 0).' })
  byCategory!: MoneyTotal[];
}
