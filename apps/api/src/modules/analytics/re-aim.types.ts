import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  type CoachingCapacityData,
  RE_AIM_DIMENSIONS,
  type ReAimData,
  type ReAimDimension,
  type ReAimMeasureData,
} from './re-aim.service.js';

export const ReAimDimensionEnum = Object.fromEntries(RE_AIM_DIMENSIONS.map((k) => [k, k]));
registerEnumType(ReAimDimensionEnum, { name: 'ReAimDimension' });

@ObjectType({
  simpleResolvers: true,
  description: 'One RE-AIM measure: numerator / denominator, with its definition.',
})
export class ReAimMeasure {
  @Field(() => ReAimDimensionEnum) dimension!: ReAimDimension;
  @Field(() => String) key!: string;
  @Field(() => String) definition!: string;
  @Field(() => Int, { nullable: true }) numerator!: number | null;
  @Field(() => Int, { nullable: true }) denominator!: number | null;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Boolean, { description: 'False when the data cannot answer (see note).' })
  available!: boolean;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Float, { nullable: true, description: 'Lower bound of the 95 % interval, if any.' })
  lower!: number | null;
  @Field(() => Float, { nullable: true, description: 'Upper bound of the 95 % interval, if any.' })
  upper!: number | null;

  static from(m: ReAimMeasureData): ReAimMeasure {
    return Object.assign(new ReAimMeasure(), { lower: null, upper: null, ...m });
  }
}

@ObjectType({ simpleResolvers: true, description: 'Coaches available to the programme.' })
export class CoachingCapacity {
  @Field(() => Int) coaches!: number;
  @Field(() => Int) coachesWithApplications!: number;
  @Field(() => Int) serviceProviders!: number;

  static from(c: CoachingCapacityData): CoachingCapacity {
    return Object.assign(new CoachingCapacity(), c);
  }
}

@ObjectType({
  simpleResolvers: true,
  description: 'Effectiveness in one cohort: mean change over paired baseline/follow-up scans.',
})
export class ReAimScanChange {
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: 'Companies with both scans (n).' }) pairs!: number;
  @Field(() => Float, { nullable: true }) meanBefore!: number | null;
  @Field(() => Float, { nullable: true }) meanAfter!: number | null;
  @Field(() => Float, { nullable: true }) meanChange!: number | null;
  @Field(() => Float, { nullable: true, description: '95 % t-interval; null below n = 2.' })
  lower!: number | null;
  @Field(() => Float, { nullable: true }) upper!: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'RE-AIM evaluation (Reach, Effectiveness, Adoption, Implementation, Maintenance).',
})
export class ReAim {
  @Field(() => String) programmeKey!: string;
  @Field(() => Int, { nullable: true }) year!: number | null;
  @Field(() => ReAimMeasure) reach!: ReAimMeasure;
  @Field(() => ReAimMeasure) effectiveness!: ReAimMeasure;
  @Field(() => ReAimMeasure) adoption!: ReAimMeasure;
  @Field(() => ReAimMeasure) implementation!: ReAimMeasure;
  @Field(() => ReAimMeasure) maintenance!: ReAimMeasure;
  @Field(() => [ReAimMeasure], { description: 'Primary and secondary measures.' })
  measures!: ReAimMeasure[];
  @Field(() => CoachingCapacity, { nullable: true }) coachingCapacity!: CoachingCapacity | null;
  @Field(() => [ReAimScanChange], {
    description: 'Effectiveness per cohort (edition): paired health-policy scan change.',
  })
  scanChangeByCohort!: ReAimScanChange[];

  static from(r: ReAimData): ReAim {
    return Object.assign(new ReAim(), {
      programmeKey: r.programmeKey,
      year: r.year,
      reach: ReAimMeasure.from(r.reach),
      effectiveness: ReAimMeasure.from(r.effectiveness),
      adoption: ReAimMeasure.from(r.adoption),
      implementation: ReAimMeasure.from(r.implementation),
      maintenance: ReAimMeasure.from(r.maintenance),
      measures: r.measures.map(ReAimMeasure.from),
      coachingCapacity: r.coachingCapacity ? CoachingCapacity.from(r.coachingCapacity) : null,
      scanChangeByCohort: r.scanChangeByCohort.map((c) => Object.assign(new ReAimScanChange(), c)),
    });
  }
}
