import type {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLResolveInfo,
  SelectionSetNode,
} from 'graphql';
import { Kind } from 'graphql';

/**
 * Names of the fields selected at `path` below the resolving field (`['edges', 'node']` for a
 * connection's nodes), through inline fragments and fragment spreads, aliases ignored. Fields
 * under `@skip`/`@include` count as selected: a caller that fetches for them fetches at most a
 * little more than needed, never less.
 */
export function selectedFieldNames(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let sets: SelectionSetNode[] = [];
  for (const node of info.fieldNodes) if (node.selectionSet) sets.push(node.selectionSet);
  for (const name of path) {
    const next: SelectionSetNode[] = [];
    for (const field of fieldsOf(sets, info.fragments)) {
      if (field.name.value === name && field.selectionSet) next.push(field.selectionSet);
    }
    sets = next;
  }
  return new Set(fieldsOf(sets, info.fragments).map((f) => f.name.value));
}

function fieldsOf(
  sets: readonly SelectionSetNode[],
  fragments: Record<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const set of sets) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        fields.push(...fieldsOf([selection.selectionSet], fragments, seen));
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment || seen.has(name)) continue;
        seen.add(name);
        fields.push(...fieldsOf([fragment.selectionSet], fragments, seen));
      }
    }
  }
  return fields;
}
