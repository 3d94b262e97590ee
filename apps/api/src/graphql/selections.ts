import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * The fields of a selection set with its fragments (inline and named) flattened. Aliases and
 * directives stay on the nodes: lookaheads that ignore `@skip`/`@include` read more, not less.
 */
export function selectedFields(
  set: SelectionSetNode | undefined,
  info: Pick<GraphQLResolveInfo, 'fragments'>,
): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT)
      return selectedFields(selection.selectionSet, info);
    return selectedFields(info.fragments[selection.name.value]?.selectionSet, info);
  });
}

/**
 * `read` once per field of a document: a request's field nodes are the cached document's (or
 * the compiled plan's) on every request, and what `read` derives from a selection is the same
 * each time. `read` must not depend on variables.
 */
export function perSelection<T>(
  read: (info: GraphQLResolveInfo) => T,
): (info: GraphQLResolveInfo) => T {
  const known = new WeakMap<FieldNode, T>();
  return (info) => {
    const node = info.fieldNodes[0];
    if (known.has(node)) return known.get(node) as T;
    const value = read(info);
    known.set(node, value);
    return value;
  };
}
