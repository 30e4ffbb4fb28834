import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from 'type-graphql';
import type { ResearchApiKeyEntity } from './research-key.entity.js';

@ObjectType({
  description:
    'An API key of the research endpoint (/research/graphql). The secret is never shown again.',
})
export class ResearchApiKey {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'The first characters of the key, to recognise it by.' })
  prefix!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => String, { nullable: true, description: 'E-mail of the admin who created it.' })
  createdBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Last request, to the minute.' })
  lastUsedAt!: Date | null;

  static from(e: ResearchApiKeyEntity, createdByEmail?: string | null): ResearchApiKey {
    return Object.assign(new ResearchApiKey(), {
      id: e.id,
      name: e.name,
      prefix: e.prefix,
      createdAt: e.createdAt,
      createdBy: createdByEmail ?? e.creator?.email ?? null,
      revokedAt: e.revokedAt,
      lastUsedAt: e.lastUsedAt,
    });
  }
}

@ObjectType({ description: 'A new key: `key` is shown this once; only its hash is stored.' })
export class CreatedResearchApiKey {
  @Field(() => String, {
    description: 'Send as `Authorization: Bearer <key>`. Not retrievable later.',
  })
  key!: string;
  @Field(() => ResearchApiKey) apiKey!: ResearchApiKey;
}

@InputType()
export class CreateResearchApiKeyInput {
  @Field(() => String, {
    description: 'Who or what the key is for, e.g. "KU Leuven – evaluatie 2025".',
  })
  name!: string;
}
