import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { Logger } from 'pino';
import type { ResearchContext } from './research.context.js';
import type { ResearchQueryLogService } from './research-query-log.service.js';

/**
 * Writes every request that presented a valid key to the persistent query log
 * (research_query_log), after the answer is complete: the cost comes from the limits plugin's
 * `extensions.cost` (this plugin is registered after it), the outcome from the first error.
 */
export function researchQueryLogPlugin(
  log: ResearchQueryLogService,
  logger: Logger,
): ApolloServerPlugin<ResearchContext> {
  return {
    async requestDidStart() {
      const started = Date.now();
      return {
        async willSendResponse(rc) {
          const key = rc.contextValue?.apiKey;
          if (!key) return;
          const body = rc.response.body;
          const result = body.kind === 'single' ? body.singleResult : null;
          const cost = result?.extensions?.cost as
            | { requested?: number; dryRun?: boolean }
            | undefined;
          const operation = rc.document?.definitions.find(
            (d): d is OperationDefinitionNode =>
              d.kind === Kind.OPERATION_DEFINITION &&
              (!rc.request.operationName || d.name?.value === rc.request.operationName),
          );
          const rootFields =
            operation?.selectionSet.selections.flatMap((s) =>
              s.kind === Kind.FIELD ? [s.name.value] : [],
            ) ?? [];
          const code = result?.errors?.[0]?.extensions?.code;
          try {
            await log.record({
              keyId: key.id,
              requestId: rc.contextValue.requestId ?? null,
              operationName: rc.request.operationName ?? operation?.name?.value ?? null,
              rootFields,
              query: rc.request.query ?? '',
              variables: (rc.request.variables as Record<string, unknown> | undefined) ?? null,
              cost: cost?.requested ?? 0,
              dryRun: cost?.dryRun ?? false,
              outcome: result?.errors?.length ? String(code ?? 'ERROR') : 'OK',
              durationMs: Date.now() - started,
            });
          } catch (err) {
            // The answer is already computed; a failed log write must not turn it into an error.
            logger.error({ err }, 'research: query log write failed');
          }
        },
      };
    },
  };
}
