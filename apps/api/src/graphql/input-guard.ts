import type { ApolloServerPlugin } from '@apollo/server';
import {
  BREAK,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
  getArgumentValues,
  getVariableValues,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { userError } from './errors.js';

/**
 * PostgreSQL text (and jsonb) cannot hold U+0000, and a lone UTF-16 surrogate has no UTF-8
 * encoding (pg would silently store U+FFFD instead). These are the only characters a UTF-8
 * database refuses, so they are the only ones refused here.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding U+0000 is the point.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type Unstorable = 'NUL' | 'LONE_SURROGATE';

/** Why `text` cannot be stored, or null when it can. */
export function unstorable(text: string): Unstorable | null {
  const found = UNSTORABLE.exec(text);
  if (!found) return null;
  return found[0] === '\u0000' ? 'NUL' : 'LONE_SURROGATE';
}

const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/** `text` with every character PostgreSQL cannot store replaced (for display only). */
export const replaceUnstorable = (text: string, by = '\uFFFD'): string =>
  text.replace(UNSTORABLE_ALL, by);

const DESCRIBE: Record<Unstorable, string> = {
  NUL: 'a NUL character (\\u0000)',
  LONE_SURROGATE: 'invalid UTF-16 (a lone surrogate)',
};

/** What the problem is, in words for an error message: "a NUL character (\u0000)". */
export const describeUnstorable = (problem: Unstorable): string => DESCRIBE[problem];

export interface UnstorableString {
  /** Argument path, as in badInput's `field`: "input.answers.2.value". */
  field: string;
  problem: Unstorable;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** Values of custom scalars (JSON) are walked whole: every string and every object key. */
function walkAny(value: unknown, path: string): UnstorableString | null {
  if (typeof value === 'string') {
    const problem = unstorable(value);
    return problem ? { field: path, problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = walkAny(value[i], join(path, String(i)));
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, inner] of Object.entries(value)) {
      const keyProblem = unstorable(key);
      if (keyProblem) return { field: path, problem: keyProblem };
      const found = walkAny(inner, join(path, key));
      if (found) return found;
    }
  }
  return null;
}

/** Walks a coerced input value along its GraphQL type; enums hold internal values, skipped. */
export function findUnstorable(
  value: unknown,
  type: GraphQLInputType,
  path: string,
): UnstorableString | null {
  if (value === null || value === undefined) return null;
  if (isNonNullType(type)) return findUnstorable(value, type.ofType, path);
  if (isListType(type)) {
    if (!Array.isArray(value)) return findUnstorable(value, type.ofType, path);
    for (let i = 0; i < value.length; i += 1) {
      const found = findUnstorable(value[i], type.ofType, join(path, String(i)));
      if (found) return found;
    }
    return null;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [name, field] of Object.entries(fields)) {
      const found = findUnstorable(
        (value as Record<string, unknown>)[name],
        field.type,
        join(path, name),
      );
      if (found) return found;
    }
    return null;
  }
  if (isEnumType(type)) return null;
  return walkAny(value, path);
}

/**
 * Every argument of every field the operation selects (its fragments included), with literals
 * and variables coerced exactly as execution will coerce them. The first string that cannot be
 * stored is reported with the field's name and the argument path. Values that do not coerce
 * are left to execution, which refuses them with its own error before any resolver runs.
 */
export function scanOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
): (UnstorableString & { fieldName: string }) | null {
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    rawVariables ?? {},
  );
  if (coerced.errors) return null;
  const variables = coerced.coerced;
  const typeInfo = new TypeInfo(schema);
  let found: (UnstorableString & { fieldName: string }) | null = null;
  const fragments = document.definitions.filter(
    (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
  );
  for (const root of [operation, ...fragments]) {
    visit(
      root,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          if (found) return false;
          const def = typeInfo.getFieldDef();
          if (!def || !node.arguments?.length) return undefined;
          let values: Record<string, unknown>;
          try {
            values = getArgumentValues(def, node, variables);
          } catch {
            return undefined;
          }
          for (const arg of def.args as readonly GraphQLArgument[]) {
            const hit = findUnstorable(values[arg.name], arg.type, arg.name);
            if (hit) {
              found = { ...hit, fieldName: def.name };
              return false;
            }
          }
          return undefined;
        },
      }),
    );
    if (found) break;
  }
  return found;
}

const refused = new WeakSet<object>();

/** Per parsed document (Apollo reuses them across requests): does any string literal fail? */
const literalVerdicts = new WeakMap<DocumentNode, boolean>();

export function hasUnstorableLiteral(document: DocumentNode): boolean {
  let verdict = literalVerdicts.get(document);
  if (verdict === undefined) {
    verdict = false;
    visit(document, {
      StringValue(node) {
        if (!unstorable(node.value)) return undefined;
        verdict = true;
        return BREAK;
      },
    });
    literalVerdicts.set(document, verdict);
  }
  return verdict;
}

/**
 * True when the guard refused this request (Apollo's `requestContext.request`). Apollo runs
 * every plugin's didResolveOperation at once; the guard, listed first, marks the request before
 * the others start, so the research limits can skip charging a request that will not run.
 */
export const refusedByInputGuard = (request: object): boolean => refused.has(request);

/**
 * Apollo plugin for both endpoints: refuses, before anything executes, any argument string
 * PostgreSQL cannot store, with BAD_USER_INPUT naming the argument path. One check for every
 * resolver instead of a check in each, so nothing with such a string is ever written.
 */
export function inputGuardPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          // Every string an argument can hold comes from the document's literals or from the
          // variables: when neither has one PostgreSQL cannot store, there is nothing to find.
          if (!hasUnstorableLiteral(document) && !walkAny(request.variables ?? {}, '')) return;
          const hit = scanOperation(schema, document, operation, request.variables);
          if (!hit) return;
          refused.add(request);
          throw userError(
            'BAD_USER_INPUT',
            `Argument "${hit.field}" of "${hit.fieldName}" holds ${DESCRIBE[hit.problem]}, which cannot be stored`,
            { field: hit.field, problem: hit.problem, http: { status: 400 } },
          );
        },
      };
    },
  };
}
