import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How many registered companies and networks a set of rules admits.' })
export class EligibilityPreview {
  @Field(() => Int) eligible!: number;
  @Field(() => Int, { description: 'Registered companies and networks in all.' })
  registered!: number;
}
