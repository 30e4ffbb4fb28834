/** GraphQL types of the disclosure-safe health-policy scan aggregates. */
import { Field, Int, ObjectType } from 'type-graphql';
import { CountCell, ProtectionInfo, StatCell } from './research.types.js';

@ObjectType({ description: 'Companies whose latest scan score lies in [from, to).' })
export class ResearchScanBin {
  @Field(() => Int) from!: number;
  @Field(() => Int, { description: 'Exclusive, except 100 for the last bin.' }) to!: number;
  @Field(() => CountCell) companies!: CountCell;
}

@ObjectType({
  description:
    "Distribution of companies' latest submitted health-policy scan score (0–100) in bins of 10 " +
    'points; counts protected, statistics withheld when the total rests on too few companies.',
})
export class ResearchScanDistribution {
  @Field(() => CountCell) companies!: CountCell;
  @Field(() => [ResearchScanBin]) bins!: ResearchScanBin[];
  @Field(() => StatCell) mean!: StatCell;
  @Field(() => StatCell, { description: 'Median over bins (class-interval interpolation).' })
  median!: StatCell;
  @Field(() => ProtectionInfo) protection!: ProtectionInfo;
}

@ObjectType({
  description:
    'Paired baseline / follow-up scans of participants (RE-AIM effectiveness): counts protected; ' +
    'mean change and its 95 % t-interval withheld (DERIVED) when the pairs are withheld.',
})
export class ResearchScanChange {
  @Field(() => String) programmeKey!: string;
  @Field(() => Int, { nullable: true }) year!: number | null;
  @Field(() => CountCell, { description: 'Companies with both scans (n).' }) pairs!: CountCell;
  @Field(() => CountCell, { description: 'Of them, with a higher follow-up score.' })
  improved!: CountCell;
  @Field(() => StatCell) meanChange!: StatCell;
  @Field(() => StatCell) lower!: StatCell;
  @Field(() => StatCell) upper!: StatCell;
  @Field(() => ProtectionInfo) protection!: ProtectionInfo;
}
