import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { Viewer as ViewerState } from '../../graphql/policy.js';
import { ROLES, type RoleKey } from './user.entity.js';

export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r]));
registerEnumType(RoleEnum, {
  name: 'Role',
  description:
    'PARTICIPANT acts for a company; NETWORK_COORDINATOR for a network and its members; ' +
    'PROGRAMME_MANAGER handles the applications of their programmes; ANALYST reads analytics; ' +
    'ADMIN manages users and programmes.',
});

@ObjectType({ description: 'The signed-in user.', simpleResolvers: true })
export class Viewer {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => String) displayName!: string;
  @Field(() => [RoleEnum]) roles!: RoleKey[];
  /** Resolved by the auth resolver: the organisation or network the user acts for. */
  organisationId!: string | null;
  programmeIds!: readonly string[];

  static from(v: ViewerState): Viewer {
    return Object.assign(new Viewer(), {
      id: v.userId,
      email: v.email,
      displayName: v.displayName,
      roles: ROLES.filter((r) => v.roles.has(r)),
      organisationId: v.organisationIds[0] ?? v.networkIds[0] ?? null,
      programmeIds: v.programmeIds,
    });
  }
}
