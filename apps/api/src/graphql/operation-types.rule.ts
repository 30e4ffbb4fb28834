import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * graphql-js 16 validates a subscription (or, on the research schema, a mutation) that the
 * schema has no root type for, and only execution fails, with an error that has no code. This
 * rule (graphql-js 17's KnownOperationTypesRule) refuses it at validation: a 400, not a 500.
 */
export const knownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(
        new GraphQLError(`This API does not support ${node.operation} operations.`, {
          nodes: node,
        }),
      );
    }
  },
});
