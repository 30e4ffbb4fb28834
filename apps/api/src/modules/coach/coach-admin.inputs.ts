import { GraphQLDate } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class CreateCoachInput {
  @Field(() => String) programmeKey!: string;
  @Field(() => ID, { description: 'The service provider the coach works for.' })
  serviceProviderId!: string;
  @Field(() => String) fullName!: string;
  @Field(() => Int, { description: 'Most trajectories at once (1–100).' }) capacity!: number;
  @Field(() => GraphQLDate, { nullable: true, description: 'Default today.' })
  activeFrom?: Date | null;
}

@InputType({ description: 'Fields left out (null) keep their value.' })
export class UpdateCoachInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) fullName?: string | null;
  @Field(() => Int, { nullable: true }) capacity?: number | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}
