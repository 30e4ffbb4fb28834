import type { StageDefinition } from '@werkgezond/domain';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { todayInBrussels } from '../../database/sql.js';
import {
  COMPONENT_KINDS,
  type ComponentKind,
  EDITION_STATUSES,
  type EditionEntity,
  type EditionStatusKey,
  type EligibilityRulesJson,
  type ProgrammeComponentEntity,
  type ProgrammeEntity,
  STAGE_KINDS,
  type StageDefinitionEntity,
  type StageKindKey,
} from './programme.entity.js';

/** The one rule for "this call takes applications today". */
export function acceptsApplications(
  e: Pick<EditionEntity, 'status' | 'opensOn' | 'closesOn'>,
  today: string,
): boolean {
  return e.status === 'OPEN' && e.opensOn <= today && (!e.closesOn || e.closesOn >= today);
}

export const ComponentKindEnum = Object.fromEntries(COMPONENT_KINDS.map((k) => [k, k]));
registerEnumType(ComponentKindEnum, { name: 'ComponentKind' });
export const StageKindEnum = Object.fromEntries(STAGE_KINDS.map((k) => [k, k]));
registerEnumType(StageKindEnum, {
  name: 'StageKind',
  description: 'STEP: a funnel step in order; EXIT: a negative exit (rejected, withdrawn…).',
});

export const EditionStatusEnum = Object.fromEntries(EDITION_STATUSES.map((k) => [k, k]));
registerEnumType(EditionStatusEnum, {
  name: 'EditionStatus',
  description: 'DRAFT: being prepared; OPEN: takes applications between its dates; CLOSED: over.',
});

@ObjectType({
  description: 'A yearly round or call of a programme: the natural cohort.',
  simpleResolvers: true,
})
export class Edition {
  @Field(() => ID) id!: string;
  @Field(() => Int) year!: number;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'ISO date (YYYY-MM-DD).' }) opensOn!: string;
  @Field(() => String, { nullable: true }) closesOn!: string | null;
  @Field(() => EditionStatusEnum) status!: EditionStatusKey;
  @Field(() => Boolean, { description: 'OPEN and today lies between its dates (Brussels).' })
  acceptsApplications!: boolean;
  programmeId!: string;

  static from(e: EditionEntity): Edition {
    return Object.assign(new Edition(), {
      id: e.id,
      year: e.year,
      name: e.name,
      opensOn: e.opensOn,
      closesOn: e.closesOn,
      status: e.status,
      acceptsApplications: acceptsApplications(e, todayInBrussels()),
      programmeId: e.programmeId,
    });
  }
}

@ObjectType({ simpleResolvers: true })
export class Stage {
  @Field(() => String, { description: 'Stable key, e.g. APPLIED, APPROVED, REGISTERED.' })
  key!: string;
  @Field(() => String) label!: string;
  @Field(() => StageKindEnum) kind!: StageKindKey;
  @Field(() => Int) position!: number;
  @Field(() => String, {
    nullable: true,
    description: 'EXIT only: allowed once this step is reached.',
  })
  requiresStep!: string | null;
  @Field(() => String, { nullable: true, description: 'EXIT only: allowed before this step.' })
  beforeStep!: string | null;

  static from(s: StageDefinitionEntity): Stage {
    return Object.assign(new Stage(), {
      key: s.key,
      label: s.label,
      kind: s.kind,
      position: s.position,
      requiresStep: s.requiresStep,
      beforeStep: s.beforeStep,
    });
  }
}

@ObjectType()
export class ProgrammeComponent {
  id!: string;
  @Field(() => String) key!: string;
  @Field(() => ComponentKindEnum) kind!: ComponentKind;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;

  static from(c: ProgrammeComponentEntity): ProgrammeComponent {
    return Object.assign(new ProgrammeComponent(), {
      id: c.id,
      key: c.key,
      kind: c.kind,
      name: c.name,
      description: c.description,
    });
  }
}

@ObjectType({ description: 'Who may take part; empty lists mean no restriction.' })
export class EligibilityRules {
  @Field(() => [String]) organisationKinds!: string[];
  @Field(() => Int, { nullable: true }) maxEmployees!: number | null;
  @Field(() => [String]) sizeClasses!: string[];
  @Field(() => Boolean, {
    description: 'Only companies without a committee for prevention and protection at work.',
  })
  requiresNoPreventionCommittee!: boolean;
  @Field(() => [String]) provinces!: string[];
  @Field(() => [String], { description: 'Sectors: NACE section letters (A–U).' })
  naceSections!: string[];

  static from(r: EligibilityRulesJson): EligibilityRules {
    return Object.assign(new EligibilityRules(), {
      organisationKinds: r.kinds ?? [],
      maxEmployees: r.maxEmployees ?? null,
      sizeClasses: r.sizeClasses ?? [],
      requiresNoPreventionCommittee: r.requiresNoPreventionCommittee ?? false,
      provinces: r.provinces ?? [],
      naceSections: r.naceSections ?? [],
    });
  }
}

@ObjectType({ simpleResolvers: true })
export class Programme {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Stable key: nv-gezond, gezondheidscoaches.' })
  key!: string;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => EligibilityRules) eligibility!: EligibilityRules;
  @Field(() => Int, { nullable: true, description: 'Employer contribution in euro cents.' })
  employerContributionCents!: number | null;
  @Field(() => String, { nullable: true }) launchedOn!: string | null;
  operatorId!: string;

  static from(p: ProgrammeEntity): Programme {
    return Object.assign(new Programme(), {
      id: p.id,
      key: p.key,
      name: p.name,
      description: p.description,
      eligibility: EligibilityRules.from(p.eligibility),
      employerContributionCents: p.employerContributionCents,
      launchedOn: p.launchedOn,
      operatorId: p.operatorId,
    });
  }
}

/** The domain's view of a stage definition row (exit rules included). */
export function toDomainStage(s: StageDefinitionEntity): StageDefinition {
  return {
    key: s.key,
    label: s.label,
    kind: s.kind,
    position: s.position,
    ...(s.requiresStep ? { requiresStep: s.requiresStep } : {}),
    ...(s.beforeStep ? { beforeStep: s.beforeStep } : {}),
  };
}

@ObjectType()
export class EligibilityReason {
  @Field(() => String, {
    description: 'KIND, TOO_LARGE, SIZE_CLASS, HAS_COMMITTEE, REGION, SECTOR',
  })
  code!: string;
  @Field(() => String) message!: string;
}

@ObjectType({ description: 'Whether an organisation may take part, and why not.' })
export class EligibilityVerdict {
  @Field(() => Boolean) eligible!: boolean;
  @Field(() => [EligibilityReason]) reasons!: EligibilityReason[];
}

@ObjectType()
export class ToolboxUse {
  @Field(() => String) componentKey!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastUsedAt!: Date | null;
}
