import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import type { QueryLogRow } from './research-query-log.service.js';

@ObjectType({
  description:
    'One request to the research endpoint: what was asked, when, what it cost and how it ended.',
})
export class ResearchQueryLogEntry {
  @Field(() => ID) id!: string;
  @Field(() => ID) keyId!: string;
  @Field(() => String, { description: 'Prefix of the key, to recognise it by.' })
  keyPrefix!: string;
  @Field(() => String) keyName!: string;
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field(() => String, { nullable: true }) operationName!: string | null;
  @Field(() => [String], { description: 'Root fields asked for (field names, not aliases).' })
  rootFields!: string[];
  @Field(() => String, { description: 'The GraphQL document as sent.' }) query!: string;
  @Field(() => String, { nullable: true, description: 'The variables, as JSON text.' })
  variables!: string | null;
  @Field(() => Int, { description: 'Points the request was priced at.' }) cost!: number;
  @Field(() => Boolean) dryRun!: boolean;
  @Field(() => String, {
    description: 'OK, or the first error code (e.g. POPULATION_TOO_SMALL, RATE_LIMITED).',
  })
  outcome!: string;
  @Field(() => Int) durationMs!: number;

  static from(r: QueryLogRow): ResearchQueryLogEntry {
    return Object.assign(new ResearchQueryLogEntry(), {
      ...r,
      variables: r.variables === null ? null : JSON.stringify(r.variables),
    });
  }
}
