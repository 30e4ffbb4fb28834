import { Field, ID, InputType, Int } from 'type-graphql';
import type { OrganisationKind, SizeClassKey } from './organisation.entity.js';
import { OrganisationKindEnum, SizeClassEnum } from './organisation.types.js';

@InputType()
export class OrganisationFilter {
  @Field(() => [OrganisationKindEnum], { nullable: true }) kinds?: OrganisationKind[] | null;
  @Field(() => [SizeClassEnum], { nullable: true }) sizeClasses?: SizeClassKey[] | null;
  @Field(() => [String], { nullable: true, description: 'NACE section letters.' })
  sectors?: string[] | null;
  @Field(() => [String], { nullable: true }) provinces?: string[] | null;
  @Field(() => String, {
    nullable: true,
    description: 'Part of the name, or a KBO number in any common notation.',
  })
  search?: string | null;
}

@InputType()
export class OrganisationProfileInput {
  @Field(() => ID) organisationId!: string;
  @Field(() => String, { nullable: true }) kboNumber?: string | null;
  @Field(() => String) name!: string;
  @Field(() => Int, { nullable: true }) employeeCount?: number | null;
  @Field(() => String, { nullable: true }) naceCode?: string | null;
  @Field(() => String, { nullable: true }) municipality?: string | null;
  @Field(() => String, { nullable: true }) province?: string | null;
  @Field(() => Boolean) hasPreventionCommittee!: boolean;
}
