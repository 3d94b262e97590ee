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
