import { Field, InputType } from 'type-graphql';
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
