import { GraphQLDate } from 'graphql-scalars';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  FUNNEL_DIMENSIONS,
  FUNNEL_UNITS,
  type FunnelDimension,
  type FunnelUnit,
  type GroupKeyValue,
} from '../../semantic/dimensions.js';
import type {
  ExitReasonData,
  FunnelData,
  FunnelExitData,
  FunnelSnapshotData,
  FunnelSnapshotsData,
  FunnelSource,
  FunnelStepData,
  RateData,
  SnapshotBody,
  StageCountData,
} from './funnel.model.js';

export const FunnelUnitEnum = Object.fromEntries(FUNNEL_UNITS.map((k) => [k, k]));
registerEnumType(FunnelUnitEnum, {
  name: 'FunnelUnit',
  description: 'What is counted.',
  valuesConfig: {
    APPLICATIONS: {
      description: 'Applications or registrations: a group registration counts once.',
    },
    COMPANIES: {
      description:
        'Companies: a group registration counts every company it represents, and company ' +
        'attributes (size, sector, province, committee) are each represented company’s own. ' +
        'A company with applications in several editions counts once per application.',
    },
  },
});

export const FunnelDimensionEnum = Object.fromEntries(FUNNEL_DIMENSIONS.map((k) => [k, k]));
registerEnumType(FunnelDimensionEnum, {
  name: 'FunnelDimension',
  description: 'A breakdown or filter dimension of the analytics.',
  valuesConfig: {
    EDITION: { description: 'The edition (yearly round): the entry cohort. Key: the year.' },
    CHANNEL: { description: 'First-touch outreach channel. Key: the channel key.' },
    SIZE_CLASS: { description: 'Size class of the counted company.' },
    SECTOR: { description: 'NACE section letter (A–U) of the counted company.' },
    PROVINCE: { description: 'Province of the counted company.' },
    REGISTRATION_TYPE: { description: 'INDIVIDUAL or GROUP registration.' },
    HAS_PREVENTION_COMMITTEE: {
      description: 'Whether the counted company has a prevention committee.',
    },
    SERVICE_PROVIDER: {
      description: 'Service provider of the assigned coach. Key: the organisation id.',
    },
  },
});

export const FunnelSourceEnum = { ROLLUP: 'ROLLUP', LIVE: 'LIVE' } as const;
registerEnumType(FunnelSourceEnum, {
  name: 'FunnelSource',
  description:
    'ROLLUP: summed from the precomputed rollup (only used while it equals the live answer); ' +
    'LIVE: aggregated from the applications themselves.',
});

@ObjectType({
  simpleResolvers: true,
  description: 'A proportion with its Wilson 95 % interval; null when the denominator is 0.',
})
export class Rate {
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Float, { nullable: true }) lower!: number | null;
  @Field(() => Float, { nullable: true }) upper!: number | null;

  static from(r: RateData): Rate {
    return Object.assign(new Rate(), { value: r.value, lower: r.lower, upper: r.upper });
  }
}

@ObjectType({ simpleResolvers: true, description: 'One funnel step as of the date.' })
export class FunnelStep {
  @Field(() => String, { description: 'Stage key, e.g. APPLIED, APPROVED, REGISTERED.' })
  stage!: string;
  @Field(() => String) label!: string;
  @Field(() => Int) position!: number;
  @Field(() => Int, { description: 'Units that reached this step.' }) count!: number;
  @Field(() => Rate, {
    nullable: true,
    description: 'Conversion from the previous step; null for the first.',
  })
  fromPrevious!: Rate | null;
  @Field(() => Rate, { description: 'Conversion from the first step.' }) fromFirst!: Rate;
  @Field(() => Int, { nullable: true, description: 'Previous step count minus this count.' })
  dropOff!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Of the drop-off: left through an exit at the previous step.',
  })
  exited!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Of the drop-off: entered the previous step but neither converted nor exited yet.',
  })
  inProgress!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Median whole calendar days (Brussels) from the previous step.',
  })
  medianDaysFromPrevious!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: '90th percentile of the days from the previous step.',
  })
  p90DaysFromPrevious!: number | null;

  static from(s: FunnelStepData): FunnelStep {
    return Object.assign(new FunnelStep(), {
      ...s,
      fromPrevious: s.fromPrevious ? Rate.from(s.fromPrevious) : null,
      fromFirst: Rate.from(s.fromFirst),
    });
  }
}

@ObjectType({ simpleResolvers: true })
export class ExitReason {
  @Field(() => String, { nullable: true, description: 'Reason code; null when none was recorded.' })
  reason!: string | null;
  @Field(() => String) label!: string;
  @Field(() => Int) count!: number;
  @Field(() => Float, { nullable: true, description: 'Share of this exit.' }) share!: number | null;

  static from(r: ExitReasonData): ExitReason {
    return Object.assign(new ExitReason(), r);
  }
}

@ObjectType({ simpleResolvers: true })
export class ExitFromStep {
  @Field(() => String, { nullable: true, description: 'Furthest step reached before leaving.' })
  stage!: string | null;
  @Field(() => Int) count!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A negative exit (rejected, withdrawn, dropped out) as of the date.',
})
export class FunnelExit {
  @Field(() => String) stage!: string;
  @Field(() => String) label!: string;
  @Field(() => Int) count!: number;
  @Field(() => [ExitReason], { description: 'Most frequent first.' }) reasons!: ExitReason[];
  @Field(() => [ExitFromStep]) fromSteps!: ExitFromStep[];

  static from(e: FunnelExitData): FunnelExit {
    return Object.assign(new FunnelExit(), {
      stage: e.stage,
      label: e.label,
      count: e.count,
      reasons: e.reasons.map(ExitReason.from),
      fromSteps: e.fromSteps.map((f) => Object.assign(new ExitFromStep(), f)),
    });
  }
}

@ObjectType({
  simpleResolvers: true,
  description: 'The value of one breakdown dimension for a group.',
})
export class FunnelGroupKey {
  @Field(() => FunnelDimensionEnum) dimension!: FunnelDimension;
  @Field(() => String, { nullable: true, description: 'Stable key; null = unknown.' }) key!:
    | string
    | null;
  @Field(() => String) label!: string;

  static from(k: GroupKeyValue): FunnelGroupKey {
    return Object.assign(new FunnelGroupKey(), k);
  }
}

@ObjectType({ simpleResolvers: true, description: 'The funnel of one breakdown group.' })
export class FunnelGroup {
  @Field(() => [FunnelGroupKey], { description: 'One value per breakdown dimension, in order.' })
  key!: FunnelGroupKey[];
  @Field(() => Int, {
    description: 'Units in the group, whether or not they reached the first step.',
  })
  units!: number;
  @Field(() => [FunnelStep]) steps!: FunnelStep[];
  @Field(() => [FunnelExit]) exits!: FunnelExit[];
}

@ObjectType({
  simpleResolvers: true,
  description: 'A programme funnel as of a date, with optional breakdowns.',
})
export class Funnel {
  @Field(() => String) programmeKey!: string;
  @Field(() => String) programmeName!: string;
  @Field(() => FunnelUnitEnum) unit!: FunnelUnit;
  @Field(() => GraphQLDate, {
    nullable: true,
    description: 'Inclusive; null = every event recorded.',
  })
  asOf!: string | null;
  @Field(() => [Int], { nullable: true }) years!: number[] | null;
  @Field(() => [FunnelDimensionEnum]) breakdownBy!: FunnelDimension[];
  @Field(() => Int) units!: number;
  @Field(() => [FunnelStep], { description: 'In stage order.' }) steps!: FunnelStep[];
  @Field(() => [FunnelExit]) exits!: FunnelExit[];
  @Field(() => [FunnelGroup], {
    description: 'Per breakdown value (combination); empty without breakdown.',
  })
  groups!: FunnelGroup[];
  @Field(() => FunnelSourceEnum) computedFrom!: FunnelSource;

  /**
   * The service's data as it is: every type of the answer is `simpleResolvers` without
   * `isTypeOf`, so GraphQL reads plain objects as well as instances, and the data already have
   * this shape (the compiler checks it). Copying a 16 kB answer into class instances only made
   * garbage.
   */
  static from(f: FunnelData): Funnel {
    return f;
  }
}

@ObjectType({ simpleResolvers: true })
export class StageCount {
  @Field(() => String) stage!: string;
  @Field(() => String) label!: string;
  @Field(() => Int) count!: number;

  static from(s: StageCountData): StageCount {
    return Object.assign(new StageCount(), s);
  }
}

const snapshotBody = (b: SnapshotBody) => ({
  steps: b.steps.map(StageCount.from),
  exits: b.exits.map(StageCount.from),
});

@ObjectType({ simpleResolvers: true })
export class FunnelSnapshotGroup {
  @Field(() => [FunnelGroupKey]) key!: FunnelGroupKey[];
  @Field(() => [StageCount]) steps!: StageCount[];
  @Field(() => [StageCount]) exits!: StageCount[];
}

@ObjectType({
  simpleResolvers: true,
  description: 'Cumulative counts per step and exit through the end of a date.',
})
export class FunnelSnapshot {
  @Field(() => GraphQLDate) at!: string;
  @Field(() => [StageCount]) steps!: StageCount[];
  @Field(() => [StageCount]) exits!: StageCount[];
  @Field(() => [FunnelSnapshotGroup]) groups!: FunnelSnapshotGroup[];

  static from(s: FunnelSnapshotData): FunnelSnapshot {
    return Object.assign(new FunnelSnapshot(), {
      at: s.at,
      ...snapshotBody(s),
      groups: s.groups.map((g) =>
        Object.assign(new FunnelSnapshotGroup(), {
          key: g.key.map(FunnelGroupKey.from),
          ...snapshotBody(g),
        }),
      ),
    });
  }
}

@ObjectType({
  simpleResolvers: true,
  description: 'The table of a parliamentary answer: one column per date.',
})
export class FunnelSnapshots {
  @Field(() => String) programmeKey!: string;
  @Field(() => FunnelUnitEnum) unit!: FunnelUnit;
  @Field(() => [Int], { nullable: true }) years!: number[] | null;
  @Field(() => [FunnelDimensionEnum]) breakdownBy!: FunnelDimension[];
  @Field(() => [FunnelSnapshot], { description: 'In date order.' }) snapshots!: FunnelSnapshot[];

  static from(s: FunnelSnapshotsData): FunnelSnapshots {
    return Object.assign(new FunnelSnapshots(), {
      programmeKey: s.programmeKey,
      unit: s.unit,
      years: s.years,
      breakdownBy: s.breakdownBy,
      snapshots: s.snapshots.map(FunnelSnapshot.from),
    });
  }
}
