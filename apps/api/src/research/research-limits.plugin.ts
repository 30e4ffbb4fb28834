import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { type GraphQLError, validate } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { userError } from '../graphql/errors.js';
import { refusedByInputGuard } from '../graphql/input-guard.js';
import type { ResearchConfig } from './research.config.js';
import type { ResearchContext } from './research.context.js';

const HOUR_MS = 3_600_000;

/** `x-dry-run: 1` (or true/yes): validate, price and answer the cost without executing. */
export const DRY_RUN_HEADER = 'x-dry-run';
const isDryRun = (value: string | undefined) => /^(1|true|yes)$/i.test(value?.trim() ?? '');

export interface CostReport {
  requested: number;
  remaining: number;
  resetAt: string;
  limit: number;
  maxPerRequest: number;
  dryRun: boolean;
}

interface Options {
  config: ResearchConfig;
  budget: RateLimiterAbstract;
}

/**
 * Query limits of the research endpoint, all decided before anything executes:
 * depth and alias counts (GraphQL Armor rules), the cost (graphql-query-complexity with the
 * per-field estimates in the schema: aggregates by their number of groups, aliases counted
 * once per occurrence), the per-request maximum and the key's hourly budget
 * (rate-limiter-flexible). Every answer then carries `extensions.cost` and RateLimit headers.
 */
export function researchLimitsPlugin({
  config,
  budget,
}: Options): ApolloServerPlugin<ResearchContext> {
  return {
    async requestDidStart() {
      const state = { requested: 0, dryRun: false, remaining: -1, resetAt: 0 };

      const readBudget = async (keyId: string) => {
        const res = await budget.get(keyId);
        state.remaining = Math.max(0, config.budgetPerHour - (res?.consumedPoints ?? 0));
        state.resetAt = Date.now() + (res ? res.msBeforeNext : HOUR_MS);
      };

      return {
        async didResolveOperation(rc: GraphQLRequestContext<ResearchContext>) {
          // Refused for its input (input-guard.ts): it will not run, so it costs nothing.
          if (refusedByInputGuard(rc.request)) return;
          const ctx = rc.contextValue;
          state.dryRun = isDryRun(rc.request.http?.headers.get(DRY_RUN_HEADER));
          const document = rc.document!;

          const rejected: GraphQLError[] = [];
          const collect = (_: unknown, error: GraphQLError) => void rejected.push(error);
          validate(rc.schema, document, [
            maxDepthRule({
              n: config.maxDepth,
              ignoreIntrospection: true,
              propagateOnRejection: false,
              onReject: [collect],
            }),
            maxAliasesRule({
              n: config.maxAliases,
              propagateOnRejection: false,
              onReject: [collect],
            }),
          ]);
          await readBudget(ctx.apiKey.id);
          if (rejected[0]) {
            throw userError(
              'QUERY_TOO_COMPLEX',
              rejected[0].message.replace(/^Syntax Error: /, ''),
              {
                limit: rejected[0].message.includes('depth') ? 'DEPTH' : 'ALIASES',
                http: { status: 400 },
              },
            );
          }

          const { catalog } = ctx;
          await catalog.ensureLoaded(ctx.dataSource);
          try {
            state.requested = getComplexity({
              schema: rc.schema,
              query: document,
              variables: rc.request.variables ?? {},
              ...(rc.request.operationName ? { operationName: rc.request.operationName } : {}),
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 0 })],
              context: { catalog, config },
            });
          } catch {
            // Variables that do not fit the operation: execution reports that, before any resolver.
            state.requested = 0;
          }
          if (state.requested > config.maxCost) {
            throw userError(
              'QUERY_TOO_COMPLEX',
              `This request costs ${state.requested} points; at most ${config.maxCost} are allowed ` +
                'per request. Ask for fewer groups or dimensions, or split it.',
              { limit: 'COST', cost: state.requested, http: { status: 400 } },
            );
          }
          if (state.dryRun || state.requested === 0) return;
          if (state.requested > state.remaining) {
            const retryAfterSeconds = Math.max(1, Math.ceil((state.resetAt - Date.now()) / 1000));
            throw userError(
              'RATE_LIMITED',
              `This request costs ${state.requested} points but only ${state.remaining} of the ` +
                `${config.budgetPerHour} per hour are left; the budget resets at ` +
                `${new Date(state.resetAt).toISOString()}.`,
              {
                retryAfterSeconds,
                http: {
                  status: 429,
                  headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]),
                },
              },
            );
          }
          const res = await budget.consume(ctx.apiKey.id, state.requested);
          state.remaining = res.remainingPoints;
          state.resetAt = Date.now() + res.msBeforeNext;
        },

        async responseForOperation() {
          if (!state.dryRun) return null;
          return {
            http: { status: 200, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data: null } },
          };
        },

        async willSendResponse(rc) {
          if (state.remaining < 0) await readBudget(rc.contextValue.apiKey.id);
          const cost: CostReport = {
            requested: state.requested,
            remaining: state.remaining,
            resetAt: new Date(state.resetAt).toISOString(),
            limit: config.budgetPerHour,
            maxPerRequest: config.maxCost,
            dryRun: state.dryRun,
          };
          const headers = rc.response.http.headers;
          headers.set('ratelimit-limit', String(config.budgetPerHour));
          headers.set('ratelimit-remaining', String(state.remaining));
          headers.set(
            'ratelimit-reset',
            String(Math.max(0, Math.ceil((state.resetAt - Date.now()) / 1000))),
          );
          headers.set('ratelimit-policy', `${config.budgetPerHour};w=3600`);
          const body = rc.response.body;
          if (body.kind === 'single') {
            body.singleResult.extensions = { ...body.singleResult.extensions, cost };
          }
        },
      };
    },
  };
}
