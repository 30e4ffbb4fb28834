import { Field, ID, InputType } from 'type-graphql';
import type { StaffRoleKey } from './invitation.entity.js';
import { StaffRoleEnum } from './staff.types.js';

@InputType()
export class InviteUserInput {
  @Field(() => String) email!: string;
  @Field(() => [StaffRoleEnum]) roles!: StaffRoleKey[];
  @Field(() => [String], { nullable: true, description: 'PROGRAMME_MANAGER: programme keys.' })
  programmeKeys?: string[] | null;
}

@InputType()
export class AcceptInvitationInput {
  @Field(() => String, { description: 'The token from the invitation link.' }) token!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String) password!: string;
}

@InputType({ description: "Replaces the user's staff roles; company roles stay." })
export class SetUserRolesInput {
  @Field(() => ID) userId!: string;
  @Field(() => [StaffRoleEnum]) roles!: StaffRoleKey[];
  @Field(() => [String], { nullable: true, description: 'PROGRAMME_MANAGER: programme keys.' })
  programmeKeys?: string[] | null;
}
