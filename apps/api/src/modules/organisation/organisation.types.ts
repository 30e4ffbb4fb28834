import { GraphQLJSON } from 'graphql-scalars';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../graphql/pagination.js';
import {
  ORGANISATION_KINDS,
  type OrganisationEntity,
  type OrganisationKind,
  SIZE_CLASSES,
  type SizeClassKey,
} from './organisation.entity.js';

export const OrganisationKindEnum = Object.fromEntries(ORGANISATION_KINDS.map((k) => [k, k]));
registerEnumType(OrganisationKindEnum, { name: 'OrganisationKind' });
export const SizeClassEnum = Object.fromEntries(SIZE_CLASSES.map((k) => [k, k]));
registerEnumType(SizeClassEnum, {
  name: 'SizeClass',
  description: 'MICRO < 10 employees, SMALL < 50, MEDIUM < 250, LARGE otherwise.',
});

@ObjectType({ simpleResolvers: true })
export class Organisation {
  @Field(() => ID) id!: string;
  @Field(() => OrganisationKindEnum) kind!: OrganisationKind;
  @Field(() => String, { nullable: true, description: 'KBO/BCE enterprise number, ten digits.' })
  kboNumber!: string | null;
  @Field(() => String) name!: string;
  @Field(() => Int, { nullable: true }) employeeCount!: number | null;
  @Field(() => SizeClassEnum, { nullable: true }) sizeClass!: SizeClassKey | null;
  @Field(() => String, { nullable: true, description: 'NACE code, e.g. 10.71.' })
  naceCode!: string | null;
  @Field(() => String, { nullable: true, description: 'NACE section letter (A–U).' })
  sector!: string | null;
  @Field(() => String, { nullable: true }) province!: string | null;
  @Field(() => String, { nullable: true }) municipality!: string | null;
  @Field(() => String, { nullable: true }) businessPark!: string | null;
  @Field(() => Boolean, {
    description: 'Has a committee for prevention and protection at work.',
  })
  hasPreventionCommittee!: boolean;
  /** Not a field: read by the firstTouchChannel resolver. */
  firstTouchChannelId!: string | null;

  static from(o: OrganisationEntity): Organisation {
    return Object.assign(new Organisation(), {
      id: o.id,
      kind: o.kind,
      kboNumber: o.kboNumber,
      name: o.name,
      employeeCount: o.employeeCount,
      sizeClass: o.sizeClass,
      naceCode: o.naceCode,
      sector: o.naceSection,
      province: o.province,
      municipality: o.municipality,
      businessPark: o.businessPark,
      hasPreventionCommittee: o.hasPreventionCommittee,
      firstTouchChannelId: o.firstTouchChannelId ?? null,
    });
  }
}

@ObjectType()
export class OrganisationConnection extends Connection(Organisation, 'Organisation') {}

@ObjectType({ description: 'One dated change of an organisation profile.' })
export class ProfileChange {
  @Field(() => GraphQLISODateTime) changedAt!: Date;
  @Field(() => GraphQLJSON, { description: 'Field → { from, to }.' })
  changes!: Record<string, { from: unknown; to: unknown }>;
}
