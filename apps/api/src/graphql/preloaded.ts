import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { isObjectType } from 'graphql';

/**
 * Related objects a list page fetched in its own statement (Application.preloaded) are answered
 * straight from the row: type-graphql's resolver wrapper (resolver instance, parameter
 * resolution) costs more than the lookup itself, and a page of 50 calls it 150 times. Measured:
 * 10 % less API CPU per list request. What was not preloaded goes to the declared field resolver
 * (DataLoaders), so the answer is the same either way. Only for fields without @Authorized or a
 * middleware: graphql/simple-resolvers.test.ts checks PRELOADED_FIELDS for that.
 */
export const PRELOADED_FIELDS = {
  Application: ['organisation', 'programme', 'currentStage'],
} as const;

export function answerPreloaded(schema: GraphQLSchema): GraphQLSchema {
  for (const [typeName, names] of Object.entries(PRELOADED_FIELDS)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`answerPreloaded: no object type ${typeName}`);
    const fields = type.getFields();
    for (const name of names) {
      const field = fields[name];
      if (!field?.resolve) throw new Error(`answerPreloaded: ${typeName}.${name} has no resolver`);
      const declared = field.resolve;
      const resolve: GraphQLFieldResolver<{ preloaded?: Record<string, unknown> }, unknown> = (
        source,
        args,
        context,
        info,
      ) => {
        const value = source.preloaded?.[name];
        // A present key was fetched: null is an answer too (a draft's current stage).
        return value !== undefined ? value : declared(source, args, context, info);
      };
      field.resolve = resolve;
    }
  }
  return schema;
}
