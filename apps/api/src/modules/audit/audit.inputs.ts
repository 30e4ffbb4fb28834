import { GraphQLDate } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';

@InputType()
export class AuditFilter {
  @Field(() => String, { nullable: true, description: 'PROGRAMME, EDITION, COACH, USER…' })
  entityType?: string | null;
  @Field(() => String, { nullable: true }) entityId?: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. programme.create.' })
  action?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of the e-mail address of who.' })
  actorEmail?: string | null;
  @Field(() => GraphQLDate, { nullable: true, description: 'On or after this day.' })
  from?: Date | null;
  @Field(() => GraphQLDate, { nullable: true, description: 'On or before this day.' })
  to?: Date | null;
}
