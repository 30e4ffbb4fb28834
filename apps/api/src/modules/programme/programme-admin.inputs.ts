import { GraphQLDate } from 'graphql-scalars';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import type { OrganisationKind, SizeClassKey } from '../organisation/organisation.entity.js';
import { OrganisationKindEnum, SizeClassEnum } from '../organisation/organisation.types.js';
import type { ComponentKind, EditionStatusKey, StageKindKey } from './programme.entity.js';
import { ComponentKindEnum, EditionStatusEnum, StageKindEnum } from './programme.types.js';

export const STAGE_TEMPLATES = ['TRAJECTORY', 'AWARD'] as const;
export type StageTemplateKey = (typeof STAGE_TEMPLATES)[number];
export const StageTemplateEnum = Object.fromEntries(STAGE_TEMPLATES.map((k) => [k, k]));
registerEnumType(StageTemplateEnum, {
  name: 'StageTemplate',
  description:
    'The stages a new programme starts with. TRAJECTORY: applied → approved → started → completed ' +
    '(exits rejected, withdrawn, dropped out); AWARD: registered → dossier submitted (exit withdrawn).',
});

@InputType({ description: 'Who may take part; an empty list or null means no restriction.' })
export class EligibilityRulesInput {
  @Field(() => [OrganisationKindEnum], { nullable: true })
  organisationKinds?: OrganisationKind[] | null;
  @Field(() => Int, { nullable: true }) maxEmployees?: number | null;
  @Field(() => [SizeClassEnum], { nullable: true }) sizeClasses?: SizeClassKey[] | null;
  @Field(() => Boolean, { nullable: true }) requiresNoPreventionCommittee?: boolean | null;
  @Field(() => [String], { nullable: true }) provinces?: string[] | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Sectors: NACE section letters (A–U); a company with an unknown sector fails.',
  })
  naceSections?: string[] | null;
}

@InputType()
export class ProgrammeComponentInput {
  @Field(() => String) key!: string;
  @Field(() => ComponentKindEnum) kind!: ComponentKind;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType()
export class CreateProgrammeInput {
  @Field(() => String, { description: 'Stable key: lower-case letters, digits and dashes.' })
  key!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ID, { description: 'The organisation that runs the programme.' })
  operatorId!: string;
  @Field(() => Int, { nullable: true, description: 'Employer contribution in euro cents.' })
  employerContributionCents?: number | null;
  @Field(() => EligibilityRulesInput, { nullable: true })
  eligibility?: EligibilityRulesInput | null;
  @Field(() => [ProgrammeComponentInput], { nullable: true })
  components?: ProgrammeComponentInput[] | null;
  @Field(() => StageTemplateEnum) stageTemplate!: StageTemplateKey;
}

@InputType({ description: 'Fields left out (null) keep their value.' })
export class UpdateProgrammeInput {
  @Field(() => String) key!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ID, { nullable: true }) operatorId?: string | null;
  @Field(() => Int, { nullable: true }) employerContributionCents?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Remove the employer contribution.' })
  clearEmployerContribution?: boolean | null;
  @Field(() => EligibilityRulesInput, { nullable: true })
  eligibility?: EligibilityRulesInput | null;
  @Field(() => [ProgrammeComponentInput], {
    nullable: true,
    description: 'Replaces the components (matched on key).',
  })
  components?: ProgrammeComponentInput[] | null;
}

@InputType()
export class EditionInput {
  @Field(() => String) programmeKey!: string;
  @Field(() => Int) year!: number;
  @Field(() => String) name!: string;
  @Field(() => GraphQLDate) opensOn!: Date;
  @Field(() => GraphQLDate, { nullable: true }) closesOn?: Date | null;
  @Field(() => EditionStatusEnum, { nullable: true, description: 'Default DRAFT.' })
  status?: EditionStatusKey | null;
}

@InputType()
export class UpdateEditionInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => GraphQLDate, { nullable: true }) opensOn?: Date | null;
  @Field(() => GraphQLDate, { nullable: true }) closesOn?: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'Remove the closing date.' })
  clearClosesOn?: boolean | null;
  @Field(() => EditionStatusEnum, { nullable: true }) status?: EditionStatusKey | null;
}

@InputType({ description: 'One stage as it should be after the change.' })
export class StageInput {
  @Field(() => String, { description: 'Upper-case key, e.g. APPLIED; used keys stay as they are.' })
  key!: string;
  @Field(() => String) label!: string;
  @Field(() => StageKindEnum) kind!: StageKindKey;
  @Field(() => String, {
    nullable: true,
    description: 'EXIT only: allowed once this step is reached.',
  })
  requiresStep?: string | null;
  @Field(() => String, { nullable: true, description: 'EXIT only: allowed before this step.' })
  beforeStep?: string | null;
}

@InputType({ description: "Replaces a programme's stages: steps in the order given, then exits." })
export class UpdateStagesInput {
  @Field(() => String) programmeKey!: string;
  @Field(() => [StageInput]) stages!: StageInput[];
}
