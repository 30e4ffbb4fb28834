import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RESEARCH_DIMENSIONS, type ResearchDimension } from './research-dimensions.js';

export type CellReason = 'FREQUENCY' | 'SECONDARY' | 'DOMINANCE' | 'DERIVED' | 'DIFFERENCING';
export const SuppressionReasonEnum = {
  FREQUENCY: 'FREQUENCY',
  SECONDARY: 'SECONDARY',
  DOMINANCE: 'DOMINANCE',
  DERIVED: 'DERIVED',
  DIFFERENCING: 'DIFFERENCING',
} as const;
registerEnumType(SuppressionReasonEnum, {
  name: 'SuppressionReason',
  description: 'Why a number is withheld.',
  valuesConfig: {
    FREQUENCY: { description: 'Fewer companies than the threshold (default 10) are behind it.' },
    SECONDARY: {
      description:
        'Withheld so that a FREQUENCY or DOMINANCE cell cannot be worked out from totals, margins ' +
        'or the other numbers of the answer.',
    },
    DOMINANCE: {
      description: 'An amount where one or two companies make up more than 85% of the total.',
    },
    DERIVED: {
      description:
        'A rate, interval, percentile, difference or cost computed from a withheld number, or ' +
        'from fewer companies than the threshold.',
    },
    DIFFERENCING: {
      description:
        'A number at a month end that is not a year end, withheld because it changed since the ' +
        'year end before it and until the year end after it: together with those answers it ' +
        'would reveal the change in between, which rests on few companies. Ask for a year end ' +
        '(the reference dates) or leave asOf empty.',
    },
  },
});

export const ResearchDimensionEnum = Object.fromEntries(RESEARCH_DIMENSIONS.map((d) => [d, d]));
registerEnumType(ResearchDimensionEnum, {
  name: 'ResearchDimension',
  description:
    'What to group by. Company attributes (size class, sector, province, committee) are those ' +
    'of each counted company, also within a group registration.',
  valuesConfig: {
    PROGRAMME: { description: 'Programme key (nv-gezond, gezondheidscoaches).' },
    EDITION_YEAR: { description: 'Yearly edition (entry cohort).' },
    STAGE: {
      description:
        'Where the application is now: its furthest funnel step, or the exit it left by ' +
        '(REJECTED, WITHDRAWN, DROPPED_OUT). Each application is in exactly one stage.',
    },
    CHANNEL: { description: 'First-touch outreach channel.' },
    SIZE_CLASS: { description: 'MICRO, SMALL, MEDIUM, LARGE.' },
    SECTOR: { description: 'NACE section letter A–U.' },
    PROVINCE: { description: 'Province of the company.' },
    REGISTRATION_TYPE: { description: 'INDIVIDUAL or GROUP (through a business network).' },
    COMMITTEE: { description: 'Whether the company has a prevention committee ("true"/"false").' },
  },
});

@ObjectType({
  description:
    'A count that passed disclosure control, or a withheld one: `value` is null exactly when ' +
    '`suppressed` is true, and `reason` says why.',
})
export class CountCell {
  @Field(() => Int, { nullable: true }) value!: number | null;
  @Field(() => Boolean) suppressed!: boolean;
  @Field(() => SuppressionReasonEnum, { nullable: true }) reason!: CellReason | null;
}

@ObjectType({ description: 'An amount in euro cents under the same rules (DOMINANCE included).' })
export class AmountCell {
  @Field(() => Float, { nullable: true, description: 'Euro cents.' }) cents!: number | null;
  @Field(() => Boolean) suppressed!: boolean;
  @Field(() => SuppressionReasonEnum, { nullable: true }) reason!: CellReason | null;
}

@ObjectType({
  description:
    'A share or rate with its Wilson 95% interval; withheld (DERIVED) when a count it is ' +
    'computed from is withheld.',
})
export class RateCell {
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Float, { nullable: true }) lower!: number | null;
  @Field(() => Float, { nullable: true }) upper!: number | null;
  @Field(() => Boolean) suppressed!: boolean;
  @Field(() => SuppressionReasonEnum, { nullable: true }) reason!: CellReason | null;
}

@ObjectType({
  description:
    'A statistic (percentile, mean, share or cost per unit) computed from protected counts: ' +
    'withheld (DERIVED) when a count it rests on is withheld or rests on fewer companies than ' +
    'the threshold.',
})
export class StatCell {
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Boolean) suppressed!: boolean;
  @Field(() => SuppressionReasonEnum, { nullable: true }) reason!: CellReason | null;
}

@ObjectType({ description: 'A value of a dimension; key null means unknown.' })
export class DimensionValue {
  @Field(() => ResearchDimensionEnum) dimension!: ResearchDimension;
  @Field(() => String, { nullable: true }) key!: string | null;
  @Field(() => String) label!: string;
}

@InputType({
  description:
    'Restricts the population. Each list keeps the listed values; an empty or missing list ' +
    'keeps everything. Answers whose population (or whose difference to a neighbouring filter: ' +
    'one list value more or less, or one list dropped) holds 1 to threshold − 1 companies are ' +
    'refused with POPULATION_TOO_SMALL.',
})
export class ResearchFilter {
  @Field(() => [String], { nullable: true }) programmes?: string[] | null;
  @Field(() => [Int], { nullable: true }) editionYears?: number[] | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Current stage, see ResearchDimension.STAGE.',
  })
  stages?: string[] | null;
  @Field(() => [String], { nullable: true }) channels?: string[] | null;
  @Field(() => [String], { nullable: true }) sizeClasses?: string[] | null;
  @Field(() => [String], { nullable: true }) sectors?: string[] | null;
  @Field(() => [String], { nullable: true }) provinces?: string[] | null;
  @Field(() => [String], { nullable: true }) registrationTypes?: string[] | null;
  @Field(() => [Boolean], { nullable: true }) committee?: boolean[] | null;
}

export const ProtectionMethodEnum = { CELL_KEY: 'CELL_KEY' } as const;
registerEnumType(ProtectionMethodEnum, {
  name: 'ProtectionMethod',
  description: 'How the published counts of an answer were perturbed.',
  valuesConfig: {
    CELL_KEY: {
      description:
        'Cell key perturbation: every count carries a small noise, fixed by the companies it ' +
        'counts (the same cell always shows the same value), at most maxNoise; zeros stay zero ' +
        'and no count between 1 and 4 is shown. Suppression (threshold, secondary, ' +
        'differencing) applies on top. Rates and shares are computed from the perturbed ' +
        'counts; amounts, percentiles, p-values and the distinct counts of reAim are not ' +
        'perturbed (they have their own rules: dominance, at least threshold companies, ' +
        'linked suppression, DERIVED).',
    },
  },
});

@ObjectType({ description: 'How the numbers of an answer are protected.' })
export class ProtectionInfo {
  @Field(() => ProtectionMethodEnum) method!: 'CELL_KEY';
  @Field(() => Int, {
    description: 'Largest difference between a published count and the true count.',
  })
  maxNoise!: number;
}
