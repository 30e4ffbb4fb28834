import {
  Arg,
  Authorized,
  Ctx,
  GraphQLISODateTime,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
} from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { requireViewer } from '../graphql/policy.js';
import { ResearchKeyService } from './research-key.service.js';
import {
  CreatedResearchApiKey,
  CreateResearchApiKeyInput,
  ResearchApiKey,
} from './research-key.types.js';
import { ResearchQueryLogService } from './research-query-log.service.js';
import { ResearchQueryLogEntry } from './research-query-log.types.js';

/** Admin management of research API keys, on the main /graphql endpoint. */
@Resolver()
export class ResearchKeyResolver {
  @Authorized('ADMIN')
  @Query(() => [ResearchApiKey], { description: 'Research API keys, newest first (ADMIN).' })
  async researchApiKeys(@Ctx() ctx: Context): Promise<ResearchApiKey[]> {
    const keys = await new ResearchKeyService(ctx.dataSource).list();
    return keys.map((k) => ResearchApiKey.from(k));
  }

  @Authorized('ADMIN')
  @Query(() => [ResearchQueryLogEntry], {
    description:
      'The research query log (ADMIN): requests made with research API keys, newest first; ' +
      'all keys or one. Page back with `before` (the `at` of the last entry seen).',
  })
  async researchQueryLog(
    @Arg('keyId', () => ID, { nullable: true }) keyId: string | null,
    @Arg('limit', () => Int, { defaultValue: 50, description: '1 to 200.' }) limit: number,
    @Arg('before', () => GraphQLISODateTime, { nullable: true }) before: Date | null,
    @Ctx() ctx: Context,
  ): Promise<ResearchQueryLogEntry[]> {
    const rows = await new ResearchQueryLogService(ctx.dataSource).list({
      keyId: keyId ?? null,
      limit,
      before: before ?? null,
    });
    return rows.map((r) => ResearchQueryLogEntry.from(r));
  }

  @Authorized('ADMIN')
  @Mutation(() => CreatedResearchApiKey, {
    description:
      'Creates a research API key (ADMIN). The secret is in the answer and nowhere else.',
  })
  async createResearchApiKey(
    @Arg('input', () => CreateResearchApiKeyInput) input: CreateResearchApiKeyInput,
    @Ctx() ctx: Context,
  ): Promise<CreatedResearchApiKey> {
    const viewer = requireViewer(ctx);
    const { key, entity } = await new ResearchKeyService(ctx.dataSource).create(input.name, viewer);
    return Object.assign(new CreatedResearchApiKey(), {
      key,
      apiKey: ResearchApiKey.from(entity, viewer.email),
    });
  }

  @Authorized('ADMIN')
  @Mutation(() => ResearchApiKey, {
    description: 'Revokes a research API key (ADMIN): its next request is refused. Idempotent.',
  })
  async revokeResearchApiKey(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<ResearchApiKey> {
    return ResearchApiKey.from(
      await new ResearchKeyService(ctx.dataSource).revoke(id, requireViewer(ctx)),
    );
  }
}
