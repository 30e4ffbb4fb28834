import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AggregateResolver } from './aggregate.resolver.js';
import { ResearchAnalyticsResolver } from './research-analytics.resolver.js';
import { ResearchMetaResolver } from './research-meta.resolver.js';
import { ResearchProgrammeResolver } from './research-programme.resolver.js';
import { ScanResearchResolver } from './scan-research.resolver.js';

/** Only these resolvers: type-graphql emits just the types they reach, a schema of its own. */
export const researchResolvers = [
  ResearchMetaResolver,
  AggregateResolver,
  ResearchAnalyticsResolver,
  ResearchProgrammeResolver,
  ScanResearchResolver,
] as const;

let cached: Promise<GraphQLSchema> | undefined;

export function getResearchSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [...researchResolvers],
    validate: false,
    // type-graphql checks @Authorized across all its (global) metadata; nothing in this schema
    // uses it (access is the API key), so any role check here would be a mistake: refuse it.
    authChecker: () => false,
  });
  return cached;
}
