import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';
import { RoleEnum } from '../auth/auth.types.js';
import type { RoleKey } from '../auth/user.entity.js';
import { STAFF_ROLES, type StaffRoleKey } from './invitation.entity.js';

export const StaffRoleEnum = Object.fromEntries(STAFF_ROLES.map((r) => [r, r]));
registerEnumType(StaffRoleEnum, {
  name: 'StaffRole',
  description: 'The roles the back office grants: programme manager, analyst, administrator.',
});

@ObjectType({ description: 'A user account as the back office sees it.' })
export class StaffUser {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => String) displayName!: string;
  @Field(() => [RoleEnum]) roles!: RoleKey[];
  @Field(() => [String], { description: 'Programmes managed (keys).' }) programmeKeys!: string[];
  @Field(() => Boolean) active!: boolean;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType()
export class Invitation {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => [StaffRoleEnum]) roles!: StaffRoleKey[];
  @Field(() => [String]) programmeKeys!: string[];
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) acceptedAt!: Date | null;
}

@ObjectType({ description: 'A new invitation with its one-time link, shown once.' })
export class CreatedInvitation {
  @Field(() => Invitation) invitation!: Invitation;
  @Field(() => String, {
    description: 'Path of the one-time link on this site, e.g. /uitnodiging?token=…',
  })
  acceptPath!: string;
}

@ObjectType({ description: 'What the invitee sees before setting a password.' })
export class InvitationPreview {
  @Field(() => String) email!: string;
  @Field(() => [StaffRoleEnum]) roles!: StaffRoleKey[];
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
}
