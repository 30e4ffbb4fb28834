import { GraphQLDate } from 'graphql-scalars';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { FunnelUnit } from '../../semantic/dimensions.js';
import type {
  CohortComparisonData,
  CohortResultData,
  ProportionComparisonData,
  StepComparisonData,
} from './cohort.service.js';
import type { FunnelSource } from './funnel.model.js';
import { FunnelSourceEnum, FunnelStep, FunnelUnitEnum } from './funnel.types.js';

export const ProportionTestEnum = { FISHER: 'FISHER', CHI_SQUARE: 'CHI_SQUARE' } as const;
registerEnumType(ProportionTestEnum, {
  name: 'ProportionTest',
  description:
    "FISHER: Fisher's exact test (two-sided); CHI_SQUARE: Pearson's chi-square without continuity " +
    'correction, used only when every expected count is at least 5.',
});

@ObjectType({ simpleResolvers: true, description: 'A cohort rate against the baseline rate.' })
export class ProportionComparison {
  @Field(() => Float, { nullable: true }) cohortRate!: number | null;
  @Field(() => Float, { nullable: true }) baselineRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Cohort rate minus baseline rate.' })
  difference!: number | null;
  @Field(() => Float) pValue!: number;
  @Field(() => ProportionTestEnum) test!: 'FISHER' | 'CHI_SQUARE';
  @Field(() => Boolean, {
    description: 'A group is below minGroupSize: show the numbers, not a verdict.',
  })
  tooSmall!: boolean;

  static from(c: ProportionComparisonData): ProportionComparison {
    return Object.assign(new ProportionComparison(), c);
  }
}

@ObjectType({ simpleResolvers: true })
export class StepComparison {
  @Field(() => String) stage!: string;
  @Field(() => String) label!: string;
  @Field(() => ProportionComparison, {
    nullable: true,
    description: 'Conversion from the previous step.',
  })
  fromPrevious!: ProportionComparison | null;
  @Field(() => ProportionComparison, {
    nullable: true,
    description: 'Conversion from the first step.',
  })
  fromFirst!: ProportionComparison | null;

  static from(s: StepComparisonData): StepComparison {
    return Object.assign(new StepComparison(), {
      stage: s.stage,
      label: s.label,
      fromPrevious: s.fromPrevious ? ProportionComparison.from(s.fromPrevious) : null,
      fromFirst: s.fromFirst ? ProportionComparison.from(s.fromFirst) : null,
    });
  }
}

@ObjectType({ simpleResolvers: true })
export class CohortResult {
  @Field(() => String) label!: string;
  @Field(() => Boolean) isBaseline!: boolean;
  @Field(() => Int) units!: number;
  @Field(() => [FunnelStep]) steps!: FunnelStep[];
  @Field(() => [StepComparison], { nullable: true, description: 'Null for the baseline itself.' })
  comparisons!: StepComparison[] | null;
  @Field(() => FunnelSourceEnum) computedFrom!: FunnelSource;

  static from(c: CohortResultData): CohortResult {
    return Object.assign(new CohortResult(), {
      label: c.label,
      isBaseline: c.isBaseline,
      units: c.units,
      steps: c.steps.map(FunnelStep.from),
      comparisons: c.comparisons?.map(StepComparison.from) ?? null,
      computedFrom: c.computedFrom,
    });
  }
}

@ObjectType({ simpleResolvers: true })
export class CohortComparison {
  @Field(() => String) programmeKey!: string;
  @Field(() => FunnelUnitEnum) unit!: FunnelUnit;
  @Field(() => GraphQLDate, { nullable: true }) asOf!: string | null;
  @Field(() => String) baseline!: string;
  @Field(() => Int) minGroupSize!: number;
  @Field(() => [CohortResult]) cohorts!: CohortResult[];

  static from(c: CohortComparisonData): CohortComparison {
    return Object.assign(new CohortComparison(), {
      ...c,
      cohorts: c.cohorts.map(CohortResult.from),
    });
  }
}
