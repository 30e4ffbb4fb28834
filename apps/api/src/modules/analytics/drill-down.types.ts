import {
  Field,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import type { DrillDownData, DrillKind } from './drill-down.service.js';

export const DrillKindEnum = { STOPPED: 'STOPPED', IN_PROGRESS: 'IN_PROGRESS' } as const;
registerEnumType(DrillKindEnum, {
  name: 'FunnelDrillKind',
  description:
    'STOPPED: reached the step, exited before the next; IN_PROGRESS: reached it, no next step, no exit.',
});

@InputType()
export class FunnelDrillDownInput {
  @Field(() => String) programmeKey!: string;
  @Field(() => String, { description: 'A step key, e.g. APPROVED.' }) stage!: string;
  @Field(() => DrillKindEnum) kind!: DrillKind;
  @Field(() => [Int], { nullable: true }) years?: number[] | null;
}

@ObjectType()
export class DrillReasonCount {
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class DrillApplication {
  @Field(() => ID) id!: string;
  @Field(() => String) organisation!: string;
  @Field(() => String, { nullable: true }) exitStage!: string | null;
  @Field(() => String, { nullable: true }) exitReason!: string | null;
  @Field(() => GraphQLISODateTime) reachedAt!: Date;
}

@ObjectType({
  description: "Behind a funnel step's count: rows for managers, counts for analysts.",
})
export class FunnelDrillDown {
  @Field(() => String) programmeKey!: string;
  @Field(() => String) stage!: string;
  @Field(() => DrillKindEnum) kind!: DrillKind;
  @Field(() => Int) total!: number;
  @Field(() => [DrillReasonCount]) byReason!: DrillReasonCount[];
  @Field(() => [DrillApplication], {
    nullable: true,
    description: 'Managers of the programme and admins only; null for analysts.',
  })
  applications!: DrillApplication[] | null;

  static from(d: DrillDownData): FunnelDrillDown {
    return Object.assign(new FunnelDrillDown(), {
      ...d,
      byReason: d.byReason.map((r) => Object.assign(new DrillReasonCount(), r)),
      applications: d.applications?.map((a) => Object.assign(new DrillApplication(), a)) ?? null,
    });
  }
}
